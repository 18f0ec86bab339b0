/**
 * `npm run bench:ui`: frames per second in Chromium while dragging a node and
 * panning the canvas of a 300-person, 120-service organisation, fitted to the
 * view (so drawn as the overview). Prints figures; it is a measurement, not a
 * test. Needs `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { largeOrganisation } from '../simulation/examples/largeOrganisation';
import { scenarioSchema } from '../simulation/scenario/schema';
import { serializeScenario } from '../simulation/scenario/serialize';

const root = mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-ui-'));
const scenarioDir = path.join(root, 'scenarios');
mkdirSync(scenarioDir);
writeFileSync(path.join(scenarioDir, 'org-300.handoff.json'), serializeScenario(scenarioSchema.parse(largeOrganisation(30))));
const server = spawn(process.execPath, ['out/main/web-server.js', '--scenario-dir', scenarioDir, '--data-dir', path.join(root, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => server.stdout.on('data', (d: Buffer) => /open (\S+)/.exec(String(d)) && resolve(/open (\S+)/.exec(String(d))![1]!)));
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(url);
await page.getByTestId('welcome-open').click();
await page.getByTestId('open-dialog-file').first().click();
await page.getByTestId('open-dialog-open').click();
await page.getByTestId('count-people').filter({ hasText: '300' }).waitFor();
await page.waitForTimeout(1000);

async function measure(label: string, gesture: () => Promise<void>) {
  // Strings, not functions: tsx adds helpers to functions that the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__raf = true;
    const tick = (t) => { window.__frames.push(t); if (window.__raf) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const frames = (await page.evaluate('(() => { window.__raf = false; return window.__frames; })()')) as number[];
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const fps = (frames.length - 1) / seconds;
  const worst = Math.max(...gaps);
  return { label, fps: Number(fps.toFixed(1)), worstFrameMs: Number(worst.toFixed(1)), frames: frames.length };
}

const node = page.locator('.react-flow__node-person').first();
const box = (await node.boundingBox())!;
const drag = await measure('drag a person', async () => {
  await page.mouse.move(box.x + 40, box.y + 20);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(box.x + 40 + i * 3, box.y + 20 + Math.sin(i / 10) * 60);
  await page.mouse.up();
});
const pane = page.locator('.react-flow__pane');
const paneBox = (await pane.boundingBox())!;
const pan = await measure('pan the canvas', async () => {
  await page.mouse.move(paneBox.x + 700, paneBox.y + 500);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(paneBox.x + 700 - i * 4, paneBox.y + 500 - i * 2);
  await page.mouse.up();
});
// At the fitted zoom the gesture above starts on a service and so drags it (kept as it is, so
// figures stay comparable). This one starts on empty canvas above the organisation and pans it.
const from = { x: paneBox.x + 700, y: paneBox.y + 60 };
const onPane = await page.evaluate(`document.elementFromPoint(${from.x}, ${from.y})?.classList.contains('react-flow__pane') ?? false`);
if (!onPane) console.error('warning: the empty-canvas pan does not start on the pane');
const panEmpty = await measure('pan from empty canvas', async () => {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(from.x - i * 4, from.y - i * 2);
  await page.mouse.up();
});
const result = { people: 300, services: 120, drag, pan, panEmpty };
console.log(
  process.argv.includes('--json')
    ? JSON.stringify(result)
    : `editor with 300 people and 120 services\n  drag: ${drag.fps} fps (worst frame ${drag.worstFrameMs} ms)\n  pan:  ${pan.fps} fps (worst frame ${pan.worstFrameMs} ms; starts on a service, so drags it)\n  pan from empty canvas: ${panEmpty.fps} fps (worst frame ${panEmpty.worstFrameMs} ms)`,
);
await browser.close();
server.kill();
