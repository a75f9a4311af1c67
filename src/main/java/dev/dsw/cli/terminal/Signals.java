package dev.dsw.cli.terminal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * sun.misc.Signal (module jdk.unsupported), reached by reflection: javac warns on every direct use
 * of it as proprietary API, a warning no annotation silences, and the build fails on warnings. Used
 * only by the commands that catch Ctrl-C themselves (list --watch, wait), so start-up never pays
 * for the reflection.
 */
final class Signals {
  private Signals() {}

  /**
   * Runs {@code action} when the signal named (INT, TERM) arrives instead of ending the process;
   * throws IllegalArgumentException for a signal this platform does not have.
   */
  static void handle(String name, Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object callback =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                  return objectMethod(proxy, method, args);
                }
                action.run();
                return null;
              });
      Method handle = signal.getMethod("handle", signal, handler);
      handle.invoke(null, signal.getConstructor(String.class).newInstance(name), callback);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // IllegalArgumentException: no such signal here
      }
      throw new UnsupportedOperationException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new UnsupportedOperationException(e);
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "dsw signal handler";
    };
  }
}
