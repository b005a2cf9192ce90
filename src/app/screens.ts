/** The screens live in src/platform, so screens that point to other screens can read them too. */
export { SCREENS, screensFor, type ScreenInfo } from '../platform/screens';
