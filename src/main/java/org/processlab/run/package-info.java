/**
 * The run engine: starts a program as real OS processes under ProcessLab's supervisor, and turns what the supervisor,
 * the agents and {@code /proc} say into a {@link org.processlab.model.RunModel}. {@link org.processlab.run.RunSession}
 * is the entry point and the run's lifecycle; the wire is assets/tracer/PROTOCOL.md.
 *
 * <h2>Rooms</h2>
 * <ul>
 *   <li>The wire: {@code TraceTransport} (where peers connect, and the framing; {@code SelectorTransport} with
 *       {@code MessageReader} today, on a {@code ChannelEndpoint}: a Unix socket in a {@code SocketFolder}, or
 *       loopback TCP, as {@code ChannelKind} says), {@code TraceServer} (the token and each connection's hello),
 *       {@code AgentMessages} and {@code SupervisorMessages} (every message kind → the model's events, one method per
 *       kind), {@code LineAssembler} (bytes → lines).</li>
 *   <li>The supervisor: {@code Supervisor} (its process: started with its program, or started first and handed the
 *       program when it is ready),
 *       {@code SupervisorLink} (typed {@code SupervisorCommand}s out, written by {@code CommandEncoder}; what the
 *       supervisor says of the run in).</li>
 *   <li>Watching: {@code RunWatch} (the {@code /proc} sampling loop, with {@code ProcessSampler}), {@code RunLimits},
 *       {@code BusyPolicy}; ending: {@code TreeKiller} (the safety net), {@code RunRegistry} (every live run).</li>
 *   <li>Launch data: {@code RunSpec}, {@code PythonTrack}, {@code PythonInterpreter}, {@code Assets}; OS facts:
 *       {@code ProcFs}.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A run's own thread ({@code run-TITLE}) starts it, samples it and ends it; each trace connection is served by one
 * thread at a time (today one selector thread serves every connection of a run, {@code trace-channel}), which
 * appends to the model; the caller of {@code stop} may be any thread. Each class says which thread writes each of its fields.
 *
 * <h2>A new kind of message from an agent (or the supervisor)</h2>
 * <ol>
 *   <li>PROTOCOL.md: its row in "Agent → app" (or "Supervisor → app"); the Python side sends it.</li>
 *   <li>The model: a record in {@link org.processlab.model.RunEvent} and what {@code RunModel} does with it.</li>
 *   <li>Here, in one place: a {@code case "kind"} in {@code AgentMessages.message} (or
 *       {@code SupervisorMessages.message}) and a method of the same name beside the others that reads the fields
 *       (missing ones are unknown: see {@code WireFields}) and appends the event. If the message tells of a new
 *       process, the method also calls {@code listener.processAnnounced()}, so that limits are checked at once.</li>
 *   <li>A case in {@code AgentMessagesTest}.</li>
 * </ol>
 * A new command to the supervisor: a record in {@code SupervisorCommand}, its branch in {@code CommandEncoder.encode}, its row
 * in PROTOCOL.md's "App → supervisor", and its handling in {@code supervisor.py}'s {@code on_command}.
 */
package org.processlab.run;
