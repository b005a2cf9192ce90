import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { grantCamera, launchChromium } from './support/chromium';
import { writeY4m } from './support/y4m';

// The camera harness is checked on its own tiny page, independent of the app build, so a
// scanner test failure can never be blamed on the fake camera silently not working.
const WIDTH = 320;
const HEIGHT = 240;

describe('fake camera harness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-cam-'));
  let server: Server;
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    const video = join(dir, 'halves.y4m');
    // Left half black, right half white: easy to recognise in a captured frame.
    writeY4m(video, { width: WIDTH, height: HEIGHT, frames: [(x) => (x < WIDTH / 2 ? 0 : 255)] });
    server = createServer((_req, res) => res.end('<!doctype html><title>camera</title>'));
    await new Promise<void>((r) => server.listen(0, 'localhost', r));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium({ fakeVideoPath: video });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('[CAM0] the fake camera feeds a .y4m video', async () => {
    const context = await browser.newContext();
    try {
      await grantCamera(context, origin);
      const page = await context.newPage();
      await page.goto(origin);
      const seen = await page.evaluate(async () => {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true });
        const track = stream.getVideoTracks()[0];
        if (!track) throw new Error('no video track');
        const { width, height } = track.getSettings();
        const video = document.createElement('video');
        video.muted = true;
        video.srcObject = stream;
        await video.play();
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(video, 0, 0);
        const y = Math.floor(canvas.height / 2);
        const left = ctx.getImageData(Math.floor(canvas.width / 4), y, 1, 1).data[0];
        const right = ctx.getImageData(Math.floor((canvas.width * 3) / 4), y, 1, 1).data[0];
        track.stop();
        return { width, height, left, right };
      });
      expect({ width: seen.width, height: seen.height }).toEqual({ width: WIDTH, height: HEIGHT });
      expect(seen.left).toBeLessThan(40);
      expect(seen.right).toBeGreaterThan(215);
    } finally {
      await context.close();
    }
  });
});
