import { describe, expect, it } from 'vitest';

import type { AppError } from '../ipc/commands';
import { FieldForm } from './field-form.svelte';

type F = 'title' | 'date';
const IDS: Record<F, string> = { title: 'x-title', date: 'x-date' };
const error = (code: AppError['code']): AppError => ({ code, message: 'no' });

describe('FieldForm', () => {
  it('sends once while a save is under way, and answers what was saved', async () => {
    const form = new FieldForm<F>(IDS);
    let release: (value: string) => void = () => undefined;
    const sent: object[] = [];
    const send = (draft: object) => {
      sent.push(draft);
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = form.submit({ title: 'a' }, send, () => null);
    expect(form.saving).toBe(true);
    expect(await form.submit({ title: 'b' }, send, () => null)).toBeNull();
    release('saved');
    expect(await first).toEqual({ saved: 'saved' });
    expect(sent).toEqual([{ title: 'a' }]);
    expect(form.saving).toBe(false);
  });

  it('shows a problem of the values or of the app at its field, without sending the former', async () => {
    const form = new FieldForm<F>(IDS);
    let sent = 0;
    const send = async () => {
      sent += 1;
      throw error('invalid_date');
    };
    expect(await form.submit({ field: 'title', error: error('empty_title') }, send, () => 'date')).toBeNull();
    expect(sent).toBe(0);
    expect(form.errorFor('title')?.code).toBe('empty_title');
    expect(form.aria('title')).toEqual({ 'aria-invalid': 'true', 'aria-describedby': 'x-title-error' });

    expect(await form.submit({ title: 'ok' }, send, () => 'date')).toBeNull();
    expect(sent).toBe(1);
    expect(form.errorFor('title')).toBeNull();
    expect(form.errorFor('date')?.code).toBe('invalid_date');
  });

  it('clears the error when its own field is typed in, not another', () => {
    const form = new FieldForm<F>(IDS);
    form.problem = { field: 'date', error: error('invalid_date') };
    const typedIn = (id: string) => ({ target: Object.assign(document.createElement('input'), { id }) }) as unknown as Event;
    form.clearOnInput(typedIn('x-title'));
    expect(form.problem).not.toBeNull();
    form.clearOnInput(typedIn('x-date'));
    expect(form.problem).toBeNull();
  });
});
