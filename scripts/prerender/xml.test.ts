import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { ALL_HOSTILE, HOSTILE, xmlCharacters } from '../../src/testing/hostile-strings.ts'
import { escapeXml, jsonForScript } from './xml.ts'

describe('escapeXml (XML and HTML text and double- or single-quoted attributes)', () => {
  it('escapes markup', () => {
    expect(escapeXml(HOSTILE.closeScript)).toBe(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    )
    expect(escapeXml(HOSTILE.breakAttribute)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeXml(HOSTILE.singleQuote)).toBe('&apos; onmouseover=&apos;alert(1)')
    expect(escapeXml(HOSTILE.closeCdata)).toBe(']]&gt;')
    expect(escapeXml(HOSTILE.ampersand)).toBe('Tom &amp; Jerry &amp;amp; &amp;#60;')
    expect(escapeXml(HOSTILE.comment)).toBe('&lt;!-- --&gt;')
  })

  it('removes what XML 1.0 cannot hold and keeps what it can', () => {
    expect(escapeXml(HOSTILE.controls)).toBe('nulbelbsvtffescnon')
    expect(escapeXml(HOSTILE.loneSurrogates)).toBe('high low pair😀')
    expect(escapeXml(HOSTILE.separators)).toBe(HOSTILE.separators)
    expect(escapeXml('tab\tnewline\nreturn\r')).toBe('tab\tnewline\nreturn\r')
  })

  it('makes well-formed XML that reads back as the text, whatever the text', () => {
    const xml = `<r a="${escapeXml(ALL_HOSTILE)}">${escapeXml(ALL_HOSTILE)}</r>`
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: true,
      htmlEntities: false,
    }).parse(xml) as { r: { '#text': string; '@a': string } }
    expect(parsed.r['#text']).toBe(xmlCharacters(ALL_HOSTILE))
    expect(parsed.r['@a']).toBe(xmlCharacters(ALL_HOSTILE))
  })
})

describe('jsonForScript (JSON inside an HTML <script> element)', () => {
  it('leaves no "<" or ">", so nothing can close the element or open a comment', () => {
    const json = jsonForScript({ headline: HOSTILE.closeScript, c: HOSTILE.comment })
    expect(json).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","c":"\\u003c!-- --\\u003e"}',
    )
    expect(json).not.toMatch(/[<>]/)
  })

  it('escapes "&", the line separators, control characters and lone surrogates', () => {
    const json = jsonForScript([
      HOSTILE.ampersand,
      HOSTILE.separators,
      HOSTILE.loneSurrogates,
      'nul\u0000',
    ])
    expect(json).toBe(
      '["Tom \\u0026 Jerry \\u0026amp; \\u0026#60;","line\\u2028paragraph\\u2029end","high\\ud800 low\\udc00 pair😀","nul\\u0000"]',
    )
  })

  it('reads back as the same value', () => {
    const value = { all: Object.values(HOSTILE), nested: { ...HOSTILE } }
    expect(JSON.parse(jsonForScript(value))).toEqual(value)
  })
})
