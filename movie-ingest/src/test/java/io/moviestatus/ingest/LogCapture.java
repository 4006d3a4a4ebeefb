package io.moviestatus.ingest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line while open, at every level: SLF4J output (bound to Log4j 2 here) and
 * java.util.logging (OkHttp's own). MockWebServer's log, the fake server's, is not ours and is left
 * out.
 */
final class LogCapture implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context;
  private final AbstractAppender appender;
  private final Level previousLevel;
  private final Handler julHandler;
  private final java.util.logging.Logger okhttpLogger;
  private final java.util.logging.Level previousOkhttpLevel;

  LogCapture() {
    context = (LoggerContext) LogManager.getContext(false);
    appender =
        new AbstractAppender(
            "capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            lines.add(
                event.getLevel()
                    + " "
                    + event.getLoggerName()
                    + " "
                    + event.getMessage().getFormattedMessage()
                    + stackTrace(event.getThrown()));
          }
        };
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    config.getRootLogger().addAppender(appender, Level.ALL, null);
    previousLevel = LogManager.getLogger("io.moviestatus").getLevel();
    Configurator.setLevel("io.moviestatus", Level.ALL);
    context.updateLoggers();

    SimpleFormatter formatter = new SimpleFormatter();
    julHandler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (!name.startsWith("okhttp3.mockwebserver")) {
              lines.add(
                  record.getLevel()
                      + " "
                      + name
                      + " "
                      + formatter.formatMessage(record)
                      + stackTrace(record.getThrown()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julHandler.setLevel(java.util.logging.Level.ALL);
    java.util.logging.Logger.getLogger("").addHandler(julHandler);
    okhttpLogger = java.util.logging.Logger.getLogger("okhttp3");
    previousOkhttpLevel = okhttpLogger.getLevel();
    okhttpLogger.setLevel(java.util.logging.Level.ALL);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  static String stackTrace(Throwable thrown) {
    if (thrown == null) {
      return "";
    }
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return "\n" + out;
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    config.getRootLogger().removeAppender(appender.getName());
    Configurator.setLevel("io.moviestatus", previousLevel);
    context.updateLoggers();
    appender.stop();
    java.util.logging.Logger.getLogger("").removeHandler(julHandler);
    okhttpLogger.setLevel(previousOkhttpLevel);
  }
}
