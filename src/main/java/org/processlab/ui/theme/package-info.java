/**
 * The window's themes: light, dark and high contrast ({@link org.processlab.ui.theme.Theme}), built on AtlantaFX's
 * Primer themes and their {@code -color-*} tokens, which every stylesheet of ours refers to (so a theme restyles the
 * whole window and the timeline without code). The person's choice ({@link org.processlab.ui.theme.ThemeChoice}, no
 * toolkit needed) is kept in the settings; {@link org.processlab.ui.theme.ThemeSwitch} applies it live to a scene and
 * {@link org.processlab.ui.theme.ThemeMenu} offers it in the header.
 */
package org.processlab.ui.theme;
