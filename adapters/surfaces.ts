import { ConfigError } from './config-error';
import { slackSurface } from './slack';
import type { Surface, SurfaceDeps, SurfaceOff } from './surface';
import { teamsSurface } from './teams';
import { webSurface } from './web/web-surface';

export function isOn(surface: Surface | SurfaceOff): surface is Surface {
  return 'mount' in surface;
}

/**
 * Every surface, on or off, in mount order. Each reads only its own variables; every half-configured
 * one is reported at once, so a single restart fixes them all.
 */
export function buildSurfaces(env: NodeJS.ProcessEnv, deps: SurfaceDeps): (Surface | SurfaceOff)[] {
  const builders = [() => webSurface(deps), () => slackSurface(env, deps), () => teamsSurface(env, deps)];
  const surfaces: (Surface | SurfaceOff)[] = [];
  const problems: string[] = [];
  for (const build of builders) {
    try {
      surfaces.push(build());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return surfaces;
}

/** The start-up lines: where each surface that is on listens, and how to switch on the others. */
export function describeSurfaces(surfaces: (Surface | SurfaceOff)[], baseUrl: string): string[] {
  return surfaces.map((surface) =>
    isOn(surface) ? surface.describe(baseUrl) : `${surface.name}: off (set ${surface.enableWith} to switch it on; see .env.example)`,
  );
}
