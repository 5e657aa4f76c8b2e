package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Bolt Socket Mode client against a local Slack: commands in, acknowledgements out. */
final class SlackSocketModeTest {
  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeSlack slack;
  static SocketModeApp socketMode;

  @BeforeAll
  static void connect() throws Exception {
    team = TestWorkspace.english(folder);
    slack = new FakeSlack();
    SlackAdapter adapter =
        new SlackAdapter(
            team.commands(),
            new SlackAdapter.Settings("xoxb-test", null, slack.apiUrl(), Set.of()));
    socketMode = adapter.socketMode("xapp-test");
    socketMode.startAsync();
    assertThat(slack.connected.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @AfterAll
  static void close() throws Exception {
    socketMode.close();
    slack.close();
    team.close();
  }

  @Test
  @DisplayName("a /sale through Socket Mode is acknowledged with its confirmation and stored once")
  void sale() throws Exception {
    long before = team.events();
    slack.slashCommand("env-1", "/sale", "Acme 4200", "U1", "trigger-1");
    String ack = slack.acks.poll(10, TimeUnit.SECONDS);
    assertThat(ack).contains("\"envelope_id\":\"env-1\"").contains("Sale #").contains("Acme");
    assertThat(ack).contains("\"response_type\":\"ephemeral\"");
    assertThat(team.events()).isEqualTo(before + 1);
    // Slack delivers again with the same trigger: logged once.
    slack.slashCommand("env-2", "/sale", "Acme 4200", "U1", "trigger-1");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("Already logged");
    assertThat(team.events()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName(
      "a /kpi answer goes to the channel in Block Kit; its chart is uploaded after the ack")
  void figureWithChart() throws Exception {
    team.log("/sale Beta 1000 date:2026-03-02 @anna");
    slack.calls.clear(); // another test's calls are not this one's
    slack.slashCommand("env-3", "/kpi", "revenue march 2026", "U1", "trigger-3");
    String ack = slack.acks.poll(10, TimeUnit.SECONDS);
    assertThat(ack)
        .contains("\"response_type\":\"in_channel\"")
        .contains("\"type\":\"header\"")
        .contains("Revenue — March 2026")
        .contains("\"type\":\"context\"");
    // files.uploadV2: the upload address, the PNG's bytes, then the completion into the channel
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slack.calls.stream().noneMatch(c -> c.method().equals("files.completeUploadExternal"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(slack.calls.stream().map(FakeSlack.Call::method))
        .containsSubsequence(
            "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
    byte[] png = slack.uploads.get(slack.uploads.size() - 1);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(
            slack.calls.stream()
                .filter(c -> c.method().equals("files.completeUploadExternal"))
                .findFirst()
                .orElseThrow()
                .body())
        .contains("C1");
  }

  @Test
  @DisplayName("a wrong command is answered privately, and nothing is stored")
  void error() throws Exception {
    long before = team.events();
    slack.slashCommand("env-4", "/sale", "Acme", "U1", "trigger-4");
    String ack = slack.acks.poll(10, TimeUnit.SECONDS);
    assertThat(ack).contains("\"response_type\":\"ephemeral\"").contains("amount");
    assertThat(team.events()).isEqualTo(before);
  }

  @Test
  @DisplayName("where the bot is not in the channel, the asker is told how to invite it")
  void notInChannel() throws Exception {
    team.log("/sale Gamma 2000 date:2026-03-03 @anna");
    slack.notInChannel = true;
    try {
      slack.slashCommand("env-5", "/kpi", "revenue march 2026", "U1", "trigger-5");
      assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("in_channel");
      String told = slack.responses.poll(10, TimeUnit.SECONDS);
      assertThat(told).contains("ephemeral").contains("/invite @Salesmeter");
    } finally {
      slack.notInChannel = false;
    }
  }

  @Test
  @DisplayName("users are named as Slack shows them; workspace admins may do what managers do")
  void namesAndManagers() throws Exception {
    slack.slashCommand("env-6", "/lead", "Delta", "U1", "trigger-6");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("Delta (Anna de Vries)");
    slack.slashCommand("env-7", "/target", "50k Q2 2026", "U1", "trigger-7");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("Only managers");
    slack.slashCommand("env-8", "/target", "50k Q2 2026", "UADMIN", "trigger-8");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("Target #");
    // The workspace is named as Slack names it: the heading of its pictures.
    assertThat(team.log().settings(TestWorkspace.WORKSPACE).name()).isEqualTo("acme-sales");
  }

  @Test
  @DisplayName("a hostile customer name is shown literally: no channel ping, no disguised link")
  void hostileName() throws Exception {
    slack.slashCommand(
        "env-9", "/lead", "\\\"<!channel> <http://evil.example|click> & co\\\"", "U1", "trigger-9");
    String text =
        JsonParser.parseString(slack.acks.poll(10, TimeUnit.SECONDS))
            .getAsJsonObject()
            .getAsJsonObject("payload")
            .get("text")
            .getAsString();
    assertThat(text)
        .contains("&lt;!channel&gt; &lt;http://evil.example|click&gt; &amp; co")
        .doesNotContain("<!channel>")
        .doesNotContain("<http://evil.example|click>");
  }

  @Test
  @DisplayName("a rate-limited upload (429, Retry-After) is tried again and the chart arrives")
  void rateLimited() throws Exception {
    team.log("/sale Epsilon 3000 date:2026-03-04 @anna");
    int uploadsBefore = slack.uploads.size();
    slack.rateLimited.set(1);
    slack.slashCommand("env-10", "/kpi", "revenue march 2026", "U1", "trigger-10");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("in_channel");
    // The 429 is answered, then the upload is tried again and arrives.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while ((slack.rateLimited.get() >= 0 || slack.uploads.size() == uploadsBefore)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(slack.rateLimited.get()).isLessThan(0);
    assertThat(slack.uploads.size()).isGreaterThan(uploadsBefore);
  }

  @Test
  @DisplayName("a 503 from Slack during the upload is tried again and the chart arrives")
  void serverError() throws Exception {
    team.log("/sale Zeta Bakkerij 700 date:2026-03-05 @anna");
    int uploadsBefore = slack.uploads.size();
    slack.serverErrors.set(1);
    slack.slashCommand("env-11", "/kpi", "revenue march 2026", "U1", "trigger-11");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("in_channel");
    // The first completion gets 503; the whole upload is tried again and completes.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while ((slack.serverErrors.get() >= 0 || slack.uploads.size() < uploadsBefore + 2)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(slack.serverErrors.get()).isLessThan(0);
    assertThat(slack.uploads.size()).isGreaterThanOrEqualTo(uploadsBefore + 2);
  }

  @Test
  @DisplayName("the chart of a private answer goes to the asker's direct messages, not the channel")
  void privateChart() throws Exception {
    team.log("/sale Private Co 900 date:2026-03-03 @anna");
    slack.calls.clear();
    slack.slashCommand("env-p", "/kpi", "revenue march 2026 private", "U1", "trigger-p");
    assertThat(slack.acks.poll(10, TimeUnit.SECONDS)).contains("\"response_type\":\"ephemeral\"");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slack.calls("files.completeUploadExternal").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(slack.calls("conversations.open")).hasSize(1);
    assertThat(
            FakeSlack.formValue(
                slack.calls("files.completeUploadExternal").get(0).body(), "channel_id"))
        .isEqualTo("D-U1");
  }
}
