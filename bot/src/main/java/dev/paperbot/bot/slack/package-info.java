/**
 * The Slack app: one Bolt {@link com.slack.api.bolt.App} whose listeners are registered in one list,
 * {@link dev.paperbot.bot.slack.SlackListeners}, one class per listener ({@code command/}, {@code action/},
 * {@code event/}), and Block Kit built with the SDK's typed builders in {@code view/}.
 *
 * <p>The same app serves every mode: Socket Mode (Bolt's {@code SocketModeApp}), HTTP mode (Javalin hands each
 * request to Bolt through {@link dev.paperbot.bot.http.BoltBridge}, which verifies signatures) and the local
 * playground (which signs its requests like Slack and runs them through the same bridge). Installed in many
 * workspaces, the app is built by {@link dev.paperbot.bot.slack.SlackApps#distributedApp}: Bolt finds each request's
 * workspace token in the store ({@link dev.paperbot.bot.install}), so listeners just use {@code ctx.client()}, and
 * {@code app_uninstalled} / {@code tokens_revoked} listeners remove a workspace.
 *
 * <p>Flow of {@code /papers ...}: {@link dev.paperbot.bot.slack.command.PapersCommandParser} turns the text into a
 * validated {@link dev.paperbot.bot.slack.command.PapersCommand}; the work runs on the worker pool; the reply goes in
 * the ack when ready within the ack budget, else through {@code response_url}, else through
 * {@code chat.postEphemeral} ({@link dev.paperbot.bot.slack.Delivery}). Buttons ack at once and answer the same way.
 *
 * <p>Seams for other parts of the bot:
 * <ul>
 *   <li>{@link dev.paperbot.bot.subscription.SubscriptionCommands}: what {@code subscribe}, {@code unsubscribe},
 *       {@code topics} and {@code digest ...} do; the default says they are not available yet.</li>
 *   <li>{@link dev.paperbot.bot.activity.PaperActivity}: where {@code Save}, {@code Share to channel} and
 *       {@code Not interested} are recorded (the store's feedback table in {@code serve}).</li>
 *   <li>{@link dev.paperbot.bot.slack.view.DigestView}: a digest as messages within Slack's limits, with buttons the
 *       listeners here handle.</li>
 * </ul>
 */
package dev.paperbot.bot.slack;
