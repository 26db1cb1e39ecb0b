import { z } from 'zod';
import { METRIC_KEYS } from './metrics';

// Extension pages and content scripts forbid eval (CSP): zod must never try to compile parsers.
z.config({ jitless: true });

/**
 * The few schemas figures read off a page need (the content script imports this module alone, so it
 * does not carry every entity's schema).
 */
export const CONSOLES = [
  'google-ads',
  'meta-ads',
  'microsoft-ads',
  'linkedin-ads',
  'tiktok-ads',
  'mailchimp',
  'brevo',
  'klaviyo',
  'generic',
] as const;
export type ConsoleId = (typeof CONSOLES)[number];

export const STATUSES = ['on', 'watch', 'off', 'none'] as const;
export type FigureStatus = (typeof STATUSES)[number];

/** Figures keyed by canonical metric; a key is absent when there is no figure (never 0 for "none"). */
export const metricsSchema = z.partialRecord(z.enum(METRIC_KEYS), z.number());
export type Metrics = z.infer<typeof metricsSchema>;
