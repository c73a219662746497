#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium: Debian's (/usr/bin/chromium), or Playwright's own.
// Installs Debian's package when it can (root with apt-get); otherwise says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

function playwrightChromium() {
  try {
    const out = execFileSync(
      process.execPath,
      ['-e', "process.stdout.write(require('@playwright/test').chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    )
    return out && existsSync(out) ? out : undefined
  } catch {
    return undefined
  }
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

if (existsSync(SYSTEM_CHROMIUM)) process.exit(0)
const bundled = playwrightChromium()
if (bundled) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot && has('apt-get')) {
  console.log('Chromium is missing: installing Debian’s chromium package (apt-get)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`)
      process.exit(1)
    }
  }
  if (existsSync(SYSTEM_CHROMIUM)) process.exit(0)
}

console.error(`The end-to-end tests need Chromium, and none was found.
Install one of:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium   (gives ${SYSTEM_CHROMIUM})
  - anywhere else:  npx playwright install chromium   (Playwright's own build; needs internet access)
then run the tests again.`)
process.exit(1)
