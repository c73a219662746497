/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by the corpus plugin: the content hash naming the compiled corpus folder. */
  readonly VITE_CORPUS_VERSION?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
