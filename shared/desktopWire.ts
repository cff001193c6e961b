/**
 * (#23) What the window and main exchange about the desktop around the corpus: the pane layout
 * kept in the settings, the About box's facts, and the log lines the window sends to main's log.
 * Part of the contract in shared/ipc.ts.
 */
import { z } from 'zod';

export const PaneLayoutSchema = z
  .object({
    corpusWidth: z.number().int().min(0).max(4000),
    sideWidth: z.number().int().min(0).max(4000),
    corpusCollapsed: z.boolean(),
    sideCollapsed: z.boolean(),
  })
  .strict();
export type PaneLayoutWire = z.infer<typeof PaneLayoutSchema>;

/** The system the app runs on, as the shortcut sheet names modifier keys (Cmd on macOS). */
export const DesktopPlatformSchema = z.enum(['mac', 'windows', 'linux']);
export type DesktopPlatform = z.infer<typeof DesktopPlatformSchema>;

export const BundledLicenceSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The SPDX expression of the package's manifest ("MIT", "(MIT OR Apache-2.0)"), or "UNKNOWN". */
  licence: z.string(),
  /** The package's LICENSE file, as shipped; empty when the package ships none. */
  text: z.string(),
});
export type BundledLicence = z.infer<typeof BundledLicenceSchema>;

export const AboutInfoSchema = z.object({
  appVersion: z.string(),
  /** Empty where the host is not Electron (the Chromium stand-in of the end-to-end tests). */
  electron: z.string(),
  chromium: z.string(),
  node: z.string(),
  /** The production dependencies bundled with the app, collected at build time (build/licences.mjs). */
  licences: z.array(BundledLicenceSchema),
});
export type AboutInfo = z.infer<typeof AboutInfoSchema>;

const LogParameter = z.union([z.string().max(4096), z.number(), z.boolean()]);

/** A line the window asks main to log: a problem code with its parameters, never a sentence or article text. */
export const WindowLogEntrySchema = z
  .object({
    level: z.enum(['info', 'warn', 'error']),
    /** What happened, as a code (a UserProblem's code, or the name of the failed step). */
    code: z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/),
    params: z.record(z.string().max(100), LogParameter).default({}),
  })
  .strict();
export type WindowLogEntry = z.infer<typeof WindowLogEntrySchema>;
