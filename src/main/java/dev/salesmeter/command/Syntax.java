package dev.salesmeter.command;

/**
 * What a command's free words mean once options, the rep and flags are taken out. The amount, if
 * any, is the last word that reads as one (COMMANDS.md, rule 3).
 */
public enum Syntax {
  /** Every word is the customer's name: {@code /lead New York Pizza}. */
  CUSTOMER,
  /** The customer's name, then the amount: {@code /sale Studio 54 900}. */
  CUSTOMER_AMOUNT,
  /** An optional label, then the amount: {@code /cost Beurs Utrecht 2500}. */
  LABEL_AMOUNT,
  /** A period and an amount, either first: {@code /target 50k Q2 2026}. */
  PERIOD_AMOUNT,
  /** An optional event number: {@code /void 123}. */
  EVENT_NUMBER,
  /** An optional command name: {@code /help sale}. */
  COMMAND_NAME,
  /** A figure, then an optional period phrase: {@code /kpi revenue last quarter}. */
  FIGURE_PERIOD,
  /** An optional period, then what to rank by: {@code /leaderboard last month sales}. */
  RANKING,
  /** An optional week: {@code /scorecard last week}, {@code /scorecard 2026-W12}. */
  WEEK,
  /** Free words its handler reads: {@code /schedule scorecard here monday 09:00}. */
  SCHEDULE,
  /** An event's number, then the fields to correct: {@code /edit 123 amount:4200}. */
  EVENT_EDIT,
  /** An optional word its handler reads: {@code /dashboard tv}, {@code /dashboard revoke}. */
  DASHBOARD,
  /** What to do, then a name, read by its handler: {@code /apitoken create zapier}. */
  API_TOKEN
}
