// The preview of an entry: the body rendered to a node tree by the backend. Answers that
// arrive after a newer request are dropped, so the preview never shows older text.

import * as api from '../ipc/commands';
import { toAppError } from '../ipc/commands';
import type { AppError, MdNode } from '../ipc/commands';

export class Preview {
  nodes = $state<MdNode[]>([]);
  /** The body the shown nodes were rendered from. */
  renderedBody = $state<string | null>(null);
  error = $state<AppError | null>(null);
  linkError = $state<AppError | null>(null);
  #request = 0;

  async render(body: string): Promise<void> {
    const request = ++this.#request;
    try {
      const nodes = await api.renderMarkdown(body);
      if (request !== this.#request) return;
      this.nodes = nodes;
      this.renderedBody = body;
      this.error = null;
    } catch (err) {
      if (request !== this.#request) return;
      this.error = toAppError(err);
    }
  }

  /** Opens a live link in the system's browser or mail program. */
  async openLink(href: string): Promise<void> {
    try {
      await api.openLink(href);
      this.linkError = null;
    } catch (err) {
      this.linkError = toAppError(err);
    }
  }
}
