/**
 * The timeline of a run, as a JavaFX control: {@link org.processlab.ui.timeline.Timeline} (the control: its data,
 * navigation and look), the values it hands out ({@link org.processlab.ui.timeline.TimeRange},
 * {@link org.processlab.ui.timeline.TimelineLane}, {@link org.processlab.ui.timeline.OutputTicks}) and
 * {@link org.processlab.ui.timeline.DrawingSurface}, what its painter draws on, with
 * {@link org.processlab.ui.timeline.SvgSurface}, the surface that writes an SVG picture (public: any caller may paint
 * a vector picture through it, as {@link org.processlab.ui.timeline.Timeline#writeSvg} does). This package is the timeline's API;
 * how it is drawn and how it answers the mouse and keys live in {@code org.processlab.ui.timeline.impl}, which is
 * not API. Its look is {@code timeline.css} beside {@code Timeline}: every colour there is an alias of the theme's
 * {@code -color-*} tokens.
 *
 * <p>Threading: FX thread only, like every control.
 */
package org.processlab.ui.timeline;
