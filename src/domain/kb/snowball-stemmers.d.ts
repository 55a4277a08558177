/** Types for the snowball-stemmers package (it ships none). */
declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** Builds the stemmer of an algorithm (french, spanish, english, russian...). */
  export function newStemmer(algorithm: string): Stemmer;
  /** Names of the available algorithms. */
  export function algorithms(): string[];
  const factory: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default factory;
}
