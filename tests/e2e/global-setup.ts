/**
 * Resolves the browser once, before any worker starts. The packaged Chromium unpacks itself to
 * /tmp on first use and only checks that the file exists, so two workers unpacking at once let
 * one launch a half-written binary (spawn ETXTBSY). Workers inherit CHROME_PATH from here.
 */
import { findChromium } from './chromium'

export default async function globalSetup(): Promise<void> {
  process.env['CHROME_PATH'] = await findChromium()
}
