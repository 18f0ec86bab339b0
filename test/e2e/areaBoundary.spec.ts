import { expect, test } from './support/webHost';

// The boundary reports what it caught on the console, as React does: those lines are expected here.
test.use({ expectedErrors: /Invalid time value|the inspector failed/ });

// An area that fails to render (here the scenario inspector, made to fail the way a horizon of 1e9 hours once did:
// "Invalid time value" from a date) is replaced by what failed and how to go on; the rest of the window and the
// document stay, and "Try again" brings the area back once the cause is gone.
test('a render failure in the inspector shows what failed in that area only; the document and the other areas stay, and Try again brings it back', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team');
  await app.getByTestId('canvas').click({ position: { x: 30, y: 400 } });
  const horizon = app.getByTestId('run-horizon');
  await expect(horizon).toBeVisible();

  // Dates fail to format from now on (as an out-of-range date does).
  await app.evaluate(() => {
    const w = window as unknown as { __toLocaleDateString?: typeof Date.prototype.toLocaleDateString };
    w.__toLocaleDateString = Date.prototype.toLocaleDateString;
    Date.prototype.toLocaleDateString = () => {
      throw new RangeError('Invalid time value');
    };
  });
  await horizon.fill('3000');

  const failed = app.getByTestId('area-failed');
  await expect(failed).toHaveCount(1);
  await expect(failed).toHaveAttribute('data-area', 'inspector');
  await expect(failed).toContainText('The inspector could not be shown');
  await expect(failed).toContainText('Invalid time value');
  await expect(failed.getByRole('button', { name: 'Undo the last change' })).toBeVisible();
  // The rest of the window works and the scenario is still open.
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team');
  await expect(app.getByTestId('node-service-recommendations')).toBeVisible();
  await app.getByTestId('tab-results').click();
  await expect(app.getByTestId('run-start')).toBeVisible();
  await app.getByTestId('tab-canvas').click();
  await failed.screenshot({ path: 'test-results/screenshots/area-failed.png' });

  // The cause goes away; Try again shows the inspector with the edit that was made.
  await app.evaluate(() => {
    const w = window as unknown as { __toLocaleDateString: typeof Date.prototype.toLocaleDateString };
    Date.prototype.toLocaleDateString = w.__toLocaleDateString;
  });
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByTestId('area-failed')).toHaveCount(0);
  await expect(app.getByTestId('run-horizon')).toHaveValue('3000');
});
