// Entry templates: the built-in ones (blank page, weekly check-in) and the person's own.

import * as api from '../ipc/commands';
import { toAppError } from '../ipc/commands';
import type { AppError, Template } from '../ipc/commands';

export class Templates {
  list = $state.raw<Template[]>([]);
  loadError = $state<AppError | null>(null);
  saveError = $state<AppError | null>(null);
  /** A failed delete, and which template it was about. */
  deleteError = $state<{ id: number; error: AppError } | null>(null);

  own = $derived(this.list.filter((t) => !t.builtin));

  async load(): Promise<void> {
    try {
      this.list = await api.listTemplates();
      this.loadError = null;
    } catch (err) {
      this.loadError = toAppError(err);
    }
  }

  /** Keeps `body` as a template called `name`; resolves with it, or null on an error. */
  async save(name: string, body: string): Promise<Template | null> {
    try {
      const template = await api.saveTemplate({ name, body });
      this.list = [...this.list, template];
      this.saveError = null;
      return template;
    } catch (err) {
      this.saveError = toAppError(err);
      return null;
    }
  }

  async remove(template: Template): Promise<boolean> {
    const id = template.id;
    if (id === null) return false;
    try {
      await api.deleteTemplate(id);
      this.list = this.list.filter((t) => t.id !== id);
      this.deleteError = null;
      return true;
    } catch (err) {
      this.deleteError = { id, error: toAppError(err) };
      return false;
    }
  }
}
