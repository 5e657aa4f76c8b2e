package dev.salesmeter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.store.Rep;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Figures' typed results as JSON, for the API and the dashboard's chart data: every record as an
 * object of its components, money as {@code {"cents": 420050, "currency": "EUR"}} in the
 * workspace's currency, a rep as {@code {"id", "name", "userId"}}, a share as its part, whole and
 * unrounded percent, dates as {@code 2026-03-31}, instants in ISO-8601 UTC, decimals as plain JSON
 * numbers, an empty {@code Optional} as null. A record's components are written, and beside them
 * the derived numbers the chat answer shows (win rates, means, the lifetime value, the pace), named
 * as their methods are.
 */
public final class ResultJson {
  /** The writer attribute that carries the workspace's currency to the money serializer. */
  private static final String CURRENCY = "currency";

  private final ObjectMapper mapper;

  public ResultJson() {
    SimpleModule ours = new SimpleModule("salesmeter");
    ours.addSerializer(Money.class, new MoneySerializer());
    ours.addSerializer(Rep.class, new RepSerializer());
    ours.addSerializer(Share.class, new ShareSerializer());
    this.mapper =
        JsonMapper.builder()
            .addMixIn(LtvResult.class, LtvDerived.class)
            .addMixIn(RevenueResult.class, RevenueDerived.class)
            .addMixIn(RevenueResult.Pace.class, PaceDerived.class)
            .addMixIn(QuotesResult.Cohort.class, QuotesDerived.class)
            .addMixIn(ConversionResult.Cohort.class, ConversionDerived.class)
            .addMixIn(AovResult.Orders.class, MeanDerived.class)
            .addMixIn(AovResult.RepOrders.class, MeanDerived.class)
            .addMixIn(ChurnFigure.Rate.class, RateDerived.class)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(ours)
            // isEmpty() and the like are derived, not data.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
  }

  /** A result (or any value built of records) as JSON, money in the workspace's currency. */
  public String write(Object value, WorkspaceSettings settings) {
    ObjectWriter writer =
        mapper.writer().withAttribute(CURRENCY, settings.currency().getCurrencyCode());
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a result that cannot be written as JSON", e);
    }
  }

  /** Plain values (an error's fields) as JSON. */
  public String write(Object value) {
    return write(value, WorkspaceSettings.DEFAULTS);
  }

  // The numbers the chat answers show that a result derives from its components (rates, means, the
  // lifetime value): written beside them, so an API client need not redo KPIS.md's arithmetic.

  private interface LtvDerived {
    @JsonProperty
    Optional<LtvResult.Missing> missing();

    @JsonProperty
    Optional<BigDecimal> revenuePerCustomer();

    @JsonProperty
    Optional<BigDecimal> profitPerCustomer();

    @JsonProperty
    Optional<BigDecimal> marginPercent();

    @JsonProperty
    Optional<BigDecimal> lifetime();

    @JsonProperty
    Optional<BigDecimal> ltv();

    @JsonProperty
    Optional<BigDecimal> cac();

    @JsonProperty
    Optional<BigDecimal> payback();

    @JsonProperty
    Optional<BigDecimal> ltvToCac();
  }

  private interface RevenueDerived {
    @JsonProperty
    Optional<BigDecimal> attained();

    @JsonProperty
    Optional<RevenueResult.Pace> pace();
  }

  private interface PaceDerived {
    @JsonProperty
    BigDecimal aheadCents();
  }

  private interface QuotesDerived {
    @JsonProperty
    long open();

    @JsonProperty
    Share winRate();

    @JsonProperty
    Share winRateByValue();
  }

  private interface ConversionDerived {
    @JsonProperty
    Share toAppointment();

    @JsonProperty
    Share toQuote();

    @JsonProperty
    Share toSale();

    @JsonProperty
    Share appointmentToSale();
  }

  private interface MeanDerived {
    @JsonProperty
    BigDecimal mean();
  }

  private interface RateDerived {
    @JsonProperty
    Share share();
  }

  private static final class MoneySerializer extends StdSerializer<Money> {
    MoneySerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money money, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      json.writeNumberField("cents", money.cents());
      json.writeStringField(CURRENCY, (String) provider.getAttribute(CURRENCY));
      json.writeEndObject();
    }
  }

  private static final class RepSerializer extends StdSerializer<Rep> {
    RepSerializer() {
      super(Rep.class);
    }

    @Override
    public void serialize(Rep rep, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      json.writeNumberField("id", rep.id());
      json.writeStringField("name", rep.displayName());
      json.writeStringField("userId", rep.platformUserId());
      json.writeEndObject();
    }
  }

  private static final class ShareSerializer extends StdSerializer<Share> {
    ShareSerializer() {
      super(Share.class);
    }

    @Override
    public void serialize(Share share, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      json.writeNumberField("part", share.part());
      json.writeNumberField("whole", share.whole());
      BigDecimal percent = share.percent().orElse(null);
      json.writeFieldName("percent");
      if (percent == null) {
        json.writeNull();
      } else {
        json.writeNumber(percent);
      }
      json.writeEndObject();
    }
  }
}
