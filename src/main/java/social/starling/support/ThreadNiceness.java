package social.starling.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the operating system's scheduling priority of the calling platform thread (its "nice" value), so that when
 * the cores are all busy the kernel runs the other threads first (the carriers of the requests) and this one with
 * what they leave; an idle core still runs it at full speed. Linux only: there the nice value belongs to a thread
 * ({@code setpriority(PRIO_PROCESS, 0, n)} from the thread changes that thread alone), while elsewhere the same call
 * would lower the whole process, so it does nothing. Raising a nice value needs no privilege; it cannot be lowered
 * back without one, so only threads that do this kind of work for good call it.
 */
public final class ThreadNiceness {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadNiceness.class);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle SETPRIORITY = setpriority();

    private ThreadNiceness() {
    }

    private static MethodHandle setpriority() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority")
                    .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no setpriority: CPU-heavy threads keep the normal priority", e);
            return null;
        }
    }

    /** Sets the calling thread's nice value to {@code niceness} (0-19); whether it was set. */
    public static boolean lowerCurrentThread(int niceness) {
        if (SETPRIORITY == null || niceness <= 0) {
            return false;
        }
        try {
            return (int) SETPRIORITY.invokeExact(PRIO_PROCESS, 0, Math.min(niceness, 19)) == 0;
        } catch (Throwable e) {
            LOG.debug("setpriority failed: this thread keeps the normal priority", e);
            return false;
        }
    }
}
