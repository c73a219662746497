import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

// The build report for e2e/fixtures/hostile-corpus (the corpus the hostile-corpus e2e projects
// build and browse): every link dropped, character stripped and article skipped is named.
const CORPUS = 'e2e/fixtures/hostile-corpus'

describe('the build report of a hostile corpus', () => {
  it('names every change the compiler made', { timeout: 60_000 }, () => {
    const report = execFileSync('npx', ['tsx', 'scripts/check-corpus.ts', CORPUS], {
      encoding: 'utf8',
    })
    const at = (index: number, id: string) =>
      `${CORPUS}/hostile.json: article [${index}] (id "${id}"): `
    const lines = report.trim().split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        `skipped ${at(12, 'only-invisible-title')}title: holds only invisible characters`,
        `warning ${at(1, 'unsafe-links')}sources[0].url: link dropped, the source keeps its name: "data:text/html,<script>window.__pwned=14</script>" has the scheme "data:"; only http: and https: links are kept`,
        `warning ${at(1, 'unsafe-links')}sources[1].url: link dropped, the source keeps its name: "JaVaScRiPt:window.__pwned=15" has the scheme "javascript:"; only http: and https: links are kept`,
        `warning ${at(1, 'unsafe-links')}sources[2].url: link dropped, the source keeps its name: "vbscript:msgbox(1)" has the scheme "vbscript:"; only http: and https: links are kept`,
        `warning ${at(1, 'unsafe-links')}sources[3].url: link dropped, the source keeps its name: "/relative/path" is not an absolute URL`,
        `warning ${at(1, 'unsafe-links')}url: link dropped: "javascript:window.__pwned=13" has the scheme "javascript:"; only http: and https: links are kept`,
        `warning ${at(1, 'unsafe-links')}image.src: image dropped: "javascript:window.__pwned=16" has the scheme "javascript:"; only http: and https: links are kept`,
        expect.stringMatching(
          /^warning .*\(id "data-image"\): image\.src: image dropped: "data:image\/svg\+xml,/,
        ),
        expect.stringMatching(
          /^warning .*\(id "markdown-title"\): title: holds markdown link syntax "\[Ovidio Guzmán López\]\(https:/,
        ),
        `warning ${at(13, 'invisible-tag')}tags[0]: tag dropped: it holds only invisible characters`,
        `cleaned ${at(3, 'rtl-override')}title: 4 bidi controls; tags[1]: 1 bidi control; body: 2 zero-width characters; sources[0].name: 2 bidi controls`,
        `cleaned ${at(4, 'zero-width-twin')}title: 1 zero-width character; tags[0]: 1 zero-width character; tags[1]: 1 bidi control`,
        `cleaned ${at(10, 'xml-breakers')}body: 10 control characters`,
        'removed 23 invisible characters from 4 articles (8 bidi controls, 5 zero-width characters, 10 control characters): text is indexed, merged and shown without them',
      ]),
    )
    expect(lines.at(-1)).toMatch(
      /^corpus "Hostile fixture corpus": 13 articles kept, 1 skipped, 9 warnings; 17 tags;/,
    )
  })
})
