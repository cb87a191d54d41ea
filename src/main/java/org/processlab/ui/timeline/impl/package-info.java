/**
 * How a {@link org.processlab.ui.timeline.Timeline} is drawn and how it answers the mouse and keys. <b>Not API</b>:
 * nothing outside {@code org.processlab.ui.timeline} may use these classes, and they change without notice; the
 * control's own methods and properties are the way in.
 *
 * <ul>
 *   <li>{@link org.processlab.ui.timeline.impl.TimelineSkin}: only wires: builds the nodes (the lanes canvas, the
 *       overlay canvas above it, the scroll bar, the legend), lays them out, keeps what is dirty per layer and paints
 *       each dirty layer once per pulse, after layout.</li>
 *   <li>{@code TimelineBehavior}: mouse and keys → the control's selection, time cursor and range.</li>
 *   <li>{@code TimelineStyle}: the control's CSS values (colours, fonts, sizes) and the pens made of them, read
 *       once per style change; the one source of every mark's look, for the lanes and the legend alike.</li>
 *   <li>{@code TimelineGeometry} (where the header column, the axis band, the plot and each lane are) and
 *       {@code AxisScale} (time ↔ x, the axis's step and labels): plain values, unit-tested.</li>
 *   <li>{@code LanesPainter} (the lanes: bars, kernel strips, ticks, notes, arrows, exit labels, headers) and
 *       {@code OverlayPainter} (the axis band, the "now" line and the time cursor), both drawing on a
 *       {@link org.processlab.ui.timeline.DrawingSurface} through {@code Marks}, the marks the legend shows too.</li>
 *   <li>{@code TimelineLegend}, {@code TickTooltip}, {@code CanvasSurface}, {@code TextMeasure}.</li>
 *   <li>{@code ShiftedSurface}: a box of a surface as a surface of its own, so the legend's swatches are drawn into
 *       the whole picture ({@code TimelineSkin.paintWhole}: every lane, the overlay and the legend on one surface,
 *       the SVG's) by the code that draws them on their canvases.</li>
 * </ul>
 *
 * <p>Threading: FX thread only.
 */
package org.processlab.ui.timeline.impl;
