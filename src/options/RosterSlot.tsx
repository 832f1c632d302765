/** @jsxImportSource preact */
/// <reference types="vite/client" />
// ROSTER SLOT: the client-roster section (src/options/RosterSection.tsx) belongs to the roster
// feature and is written separately. It is picked up here when the file exists, so neither
// feature waits for the other: import.meta.glob resolves to an empty map while it is absent.
// Once RosterSection.tsx has landed this can become a plain import (lead's call).
import type { ComponentType } from 'preact';
import type { EffectiveSettings } from '../core/settings';

type RosterModule = { RosterSection?: ComponentType<{ settings: EffectiveSettings }>; default?: ComponentType<{ settings: EffectiveSettings }> };

const modules = import.meta.glob<RosterModule>('./RosterSection.tsx', { eager: true });
const rosterModule = Object.values(modules)[0];
const RosterSection = rosterModule?.RosterSection ?? rosterModule?.default;

export const hasRosterSection = RosterSection !== undefined;

export function RosterSlot({ settings }: { settings: EffectiveSettings }) {
  return RosterSection ? <RosterSection settings={settings} /> : null;
}
