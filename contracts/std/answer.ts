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

/**
 * The value of an answer whose error is null, for the generated query dispatch. One shared null check (every
 * instantiation compiles to the same function, which the optimiser merges) instead of one per query branch.
 */
export function answerValue<T>(a: Answer<T>): T {
  return a.value!;
}
