import type { StorageProblem } from '../api/library-store'

/** What a storage problem means for the reader, in plain words. */
export function problemText(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'full':
      return 'Not kept: this browser’s storage for the site is full. It lasts until you close the page.'
    case 'unavailable':
      return 'Not kept: this browser does not let the site store anything (a private window, or storage turned off). It lasts until you close the page.'
    case 'unreadable':
      return 'Your saved items could not be read (the stored data was damaged or from elsewhere). They were set aside, and saving starts afresh.'
  }
}
