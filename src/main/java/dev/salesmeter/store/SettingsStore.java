package dev.salesmeter.store;

import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Each workspace's settings: created with the defaults when a workspace is first seen, changed by
 * managers. Read on every command, so kept in memory for a few seconds: a change made through
 * another process (a replica on the same PostgreSQL database) is seen here within that time.
 */
public final class SettingsStore {
  /** How long a read of the settings is used before they are read again. */
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Jdbi jdbi;
  private final Database database;
  private final WorkspaceSettings defaults;
  private final Clock clock;

  /** The settings as read, and when (System.nanoTime). */
  private record Read(WorkspaceSettings settings, long at) {}

  private final Map<WorkspaceId, Read> cache = new ConcurrentHashMap<>();

  /**
   * @param defaults the settings a workspace gets when it is first seen
   * @param clock when a workspace is first seen
   */
  public SettingsStore(Database database, WorkspaceSettings defaults, Clock clock) {
    this.jdbi = database.jdbi();
    this.database = database;
    this.defaults = defaults;
    this.clock = clock;
  }

  /**
   * The workspace's settings; a workspace seen for the first time is created with the defaults. A
   * known workspace is only read, so its figures still answer on a database that turned read-only.
   */
  public WorkspaceSettings settings(WorkspaceId workspace) {
    Read cached = cache.get(workspace);
    long now = System.nanoTime();
    if (cached != null && now - cached.at() < FRESH_NANOS) {
      return cached.settings();
    }
    WorkspaceSettings settings;
    try {
      settings =
          jdbi.withHandle(handle -> readSettings(handle, workspace))
              .orElseGet(
                  () ->
                      database.write(
                          handle -> {
                            writeSettings(handle, workspace, defaults, false);
                            return readSettings(handle, workspace).orElseThrow();
                          }));
    } catch (JdbiException unreadable) {
      if (cached == null) {
        throw unreadable;
      }
      return cached.settings(); // the last known settings serve while the database cannot
    }
    cache.put(workspace, new Read(settings, now));
    return settings;
  }

  /** Sets a workspace's settings, creating the workspace if it is new. */
  public void configure(WorkspaceId workspace, WorkspaceSettings settings) {
    database.write(
        handle -> {
          Optional<WorkspaceSettings> before = readSettings(handle, workspace);
          writeSettings(handle, workspace, settings, true);
          if (before.isPresent() && before.get().inactivityDays() != settings.inactivityDays()) {
            FigureFacts.refreshSpells(handle, workspace.value()); // spells follow the window
          }
          return null;
        });
    cache.put(workspace, new Read(settings, System.nanoTime()));
  }

  private static Optional<WorkspaceSettings> readSettings(Handle handle, WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT locale, time_zone, currency, default_margin_bp, inactivity_days,"
                + " stale_quote_days, name, user_language FROM workspaces WHERE id = :ws")
        .bind("ws", workspace.value())
        .map(
            (rs, ctx) ->
                new WorkspaceSettings(
                    Locale.forLanguageTag(rs.getString("locale")),
                    ZoneId.of(rs.getString("time_zone")),
                    Currency.getInstance(rs.getString("currency")),
                    Percentage.ofBasisPoints(rs.getInt("default_margin_bp")),
                    rs.getInt("inactivity_days"),
                    rs.getInt("stale_quote_days"),
                    rs.getString("name"),
                    rs.getInt("user_language") == 1))
        .findOne();
  }

  private void writeSettings(
      Handle handle, WorkspaceId workspace, WorkspaceSettings settings, boolean replace) {
    long now = clock.millis();
    String onConflict =
        replace
            ? " ON CONFLICT (id) DO UPDATE SET locale = excluded.locale,"
                + " time_zone = excluded.time_zone, currency = excluded.currency,"
                + " default_margin_bp = excluded.default_margin_bp,"
                + " inactivity_days = excluded.inactivity_days,"
                + " stale_quote_days = excluded.stale_quote_days, name = excluded.name,"
                + " user_language = excluded.user_language"
            : " ON CONFLICT (id) DO NOTHING";
    handle
        .createUpdate(
            "INSERT INTO workspaces (id, locale, time_zone, currency, default_margin_bp,"
                + " inactivity_days, stale_quote_days, name, user_language, created_at) VALUES"
                + " (:ws, :locale, :zone, :currency, :margin, :inactivity, :stale, :name,"
                + " :userLanguage, :now)"
                + onConflict)
        .bind("ws", workspace.value())
        .bind("locale", settings.locale().toLanguageTag())
        .bind("zone", settings.zone().getId())
        .bind("currency", settings.currency().getCurrencyCode())
        .bind("margin", settings.defaultMargin().basisPoints())
        .bind("inactivity", settings.inactivityDays())
        .bind("stale", settings.staleQuoteDays())
        .bind("name", settings.name())
        .bind("userLanguage", settings.userLanguage() ? 1 : 0)
        .bind("now", now)
        .execute();
  }
}
