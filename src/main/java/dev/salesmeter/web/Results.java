package dev.salesmeter.web;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.scorecard.ScorecardResult;
import dev.salesmeter.store.LastEvents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The figures' results the dashboard computed, kept until the workspace's next event: a screen on
 * the wall, its refresh every minute and a team opening the same page ask the same questions over
 * and over, and a result can only change with an event, the settings or the time of the question
 * (all three part of the key; the page asks at the whole minute).
 */
public final class Results {
  /** Results kept as the dashboard keeps them. */
  public static Results standard(LastEvents lastEvents) {
    return new Results(lastEvents, STANDARD_CAPACITY);
  }

  /** Enough for every figure of a few hundred distinct questions; the oldest goes first. */
  static final int STANDARD_CAPACITY = 2_000;

  private record Key(String figure, FigureQuery query, long lastEvent) {}

  private final LastEvents lastEvents;
  private final Map<Key, Object> kept;

  /**
   * @param capacity how many results are kept; 0 computes every one afresh (the benchmark's cold
   *     page)
   */
  public Results(LastEvents lastEvents, int capacity) {
    this.lastEvents = lastEvents;
    this.kept =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > capacity;
              }
            });
  }

  /** The workspace's latest event, read once per request so that a page is one consistent whole. */
  long lastEvent(WorkspaceId workspace) {
    return lastEvents.number(workspace);
  }

  <R extends FigureResult> R of(Figure<R> figure, FigureQuery query, long lastEvent) {
    return kept(figure.name(), query, lastEvent, () -> figure.compute(query));
  }

  ScorecardResult of(Scorecard scorecard, FigureQuery query, long lastEvent) {
    return kept("scorecard", query, lastEvent, () -> scorecard.compute(query));
  }

  @SuppressWarnings("unchecked")
  private <R> R kept(String figure, FigureQuery query, long lastEvent, Supplier<R> compute) {
    Key key = new Key(figure, query, lastEvent);
    Object result = kept.get(key);
    if (result == null) {
      // Computed outside the lock: two requests at once may both compute, never wait on each other.
      result = compute.get();
      kept.put(key, result);
    }
    return (R) result;
  }
}
