package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import dev.salesmeter.schedule.PostFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts that no command asked for (the schedules'), through the real Slack SDK to a local Slack.
 */
final class SlackPostTest {
  private static final byte[] PNG = "\u0089PNG fake picture".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeSlack slack;
  static SlackAdapter adapter;

  @BeforeAll
  static void open() throws Exception {
    team = TestWorkspace.english(folder);
    slack = new FakeSlack();
    adapter =
        new SlackAdapter(
            team.commands(),
            new SlackAdapter.Settings("xoxb-test", null, slack.apiUrl(), Set.of()));
  }

  @AfterAll
  static void close() throws Exception {
    slack.close();
    team.close();
  }

  @BeforeEach
  void forget() {
    slack.calls.clear();
    slack.uploads.clear();
  }

  /** The Web API methods called, without the SDK's one-time auth.test. */
  private static List<String> methods() {
    return slack.calls.stream()
        .map(FakeSlack.Call::method)
        .filter(method -> !method.equals("auth.test"))
        .toList();
  }

  private static Reply reply(boolean withPicture) {
    Optional<Drawing> chart =
        withPicture
            ? Optional.of(() -> new Picture("scorecard-2026-W12.png", PNG))
            : Optional.empty();
    return new Reply(
        Optional.of("Scorecard — week 12, 2026"),
        "Revenue €4,200 <!channel>",
        List.of(new Reply.Field("Revenue", "€4,200")),
        Optional.of("16–22 Mar 2026"),
        chart,
        false);
  }

  @Test
  @DisplayName("a 429 on chat.postMessage is retried after Retry-After: one message posted")
  void rateLimited() throws Exception {
    slack.postsRateLimited.set(1);
    adapter.post(TestWorkspace.WORKSPACE, "C1", reply(false), "s1-2026-W12");
    List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
    assertThat(posts).hasSize(2); // refused once, then accepted
    assertThat(FakeSlack.channelOf(posts.get(1).body())).isEqualTo("C1");
    JsonNode blocks =
        new ObjectMapper().readTree(FakeSlack.formValue(posts.get(1).body(), "blocks"));
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    // a name like <!channel> in a post pings nobody
    assertThat(blocks.get(1).path("text").path("text").asText())
        .isEqualTo("Revenue €4,200 &lt;!channel&gt;");
  }

  @Test
  @DisplayName("a post with a picture: the message, then the three-call upload into the channel")
  void withPicture() throws Exception {
    adapter.post(TestWorkspace.WORKSPACE, "C1", reply(true), "s1-2026-W12");
    assertThat(methods())
        .containsExactly(
            "chat.postMessage",
            "files.getUploadURLExternal",
            "upload",
            "files.completeUploadExternal");
    assertThat(
            FakeSlack.formValue(
                slack.calls("files.completeUploadExternal").get(0).body(), "channel_id"))
        .isEqualTo("C1");
    assertThat(slack.uploads.get(0)).isEqualTo(PNG);
  }

  @Test
  @DisplayName("a channel that is gone is unreachable, not worth trying again")
  void channelGone() {
    slack.goneChannels.add("C-gone");
    assertThatThrownBy(
            () -> adapter.post(TestWorkspace.WORKSPACE, "C-gone", reply(true), "s1-2026-W12"))
        .isInstanceOfSatisfying(
            PostFailure.class,
            failure -> {
              assertThat(failure.unreachable()).isTrue();
              assertThat(failure.getMessage()).isEqualTo("channel_not_found");
            });
    assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
  }

  @Test
  @DisplayName("a private message opens the user's conversation with the bot and posts there")
  void tell() throws Exception {
    adapter.tell(TestWorkspace.WORKSPACE, "U1", Reply.privately("3 quotes to chase"));
    assertThat(methods()).containsExactly("conversations.open", "chat.postMessage");
    assertThat(FakeSlack.channelOf(slack.calls("chat.postMessage").get(0).body()))
        .isEqualTo("D-U1");
  }
}
