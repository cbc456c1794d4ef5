// What a query handler returns: a response object (written to JSON by the generated writer) or an error text.

export class Answer<T> {
  constructor(
    public value: T | null,
    public error: string | null,
  ) {}
}

export function answer<T>(value: T): Answer<T> {
  return new Answer<T>(value, null);
}

export function refuse<T>(error: string): Answer<T> {
  return new Answer<T>(null, error);
}
