package dev.salesmeter.store;

/** How an event relates to the customer's opportunities (KPIS.md, "Opportunity rules"). */
public enum OpportunityLink {
  /** The event opened a new opportunity (a lead, or a quote or appointment with none open). */
  OPENED,
  /** The event joined the customer's latest open opportunity. */
  JOINED,
  /** A sale with no open opportunity: a direct sale, such as a repeat order. */
  DIRECT,
  /** The event is not about an opportunity (churn, cost, target, void). */
  NONE
}
