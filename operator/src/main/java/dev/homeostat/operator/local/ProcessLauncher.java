package dev.homeostat.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child processes that die with this JVM, also when it is killed with SIGKILL.
 *
 * <p>Java cannot set the Linux parent-death signal of a child itself, so each child is started through util-linux's
 * {@code setpriv --pdeathsig TERM}, which sets it and then executes the real command in the same process. The kernel
 * sends that signal when the <em>thread</em> that forked the child ends, so every child is forked from one dedicated
 * thread that lives as long as the JVM (a pooled thread that retires would take its children with it). Each child
 * also gets its own session ({@code setsid}), so a Ctrl-C in the terminal reaches only this JVM, which then stops
 * the children in order (producers first, consumers after they drained).
 */
public final class ProcessLauncher {

    private static final String SETPRIV = "/usr/bin/setpriv";
    private static final String SETSID = "/usr/bin/setsid";

    private final ExecutorService forker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "homeostat-local-forker");
        thread.setDaemon(true);
        return thread;
    });
    private final boolean parentDeathSignal;

    public ProcessLauncher() {
        this.parentDeathSignal = Files.isExecutable(Path.of(SETPRIV)) && Files.isExecutable(Path.of(SETSID));
    }

    /** Whether children are tied to this JVM's life (false only where util-linux' setpriv is missing). */
    public boolean tiesChildrenToParent() {
        return parentDeathSignal;
    }

    /** Starts {@code command} with exactly {@code environment}, output appended to {@code log}. */
    public Process start(List<String> command, Map<String, String> environment, Path log) {
        var full = new ArrayList<String>();
        if (parentDeathSignal) {
            full.addAll(List.of(SETSID, SETPRIV, "--pdeathsig", "TERM"));
        }
        full.addAll(command);
        var builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return forker.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + command.getFirst(), e);
        }
    }
}
