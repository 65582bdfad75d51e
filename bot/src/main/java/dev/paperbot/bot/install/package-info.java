/**
 * The bot installed in many workspaces through Slack's OAuth flow (HTTP mode with {@code SLACK_CLIENT_ID} and
 * {@code SLACK_CLIENT_SECRET}).
 *
 * <p>Install: {@code GET /slack/install} issues a state value (in the installer's cookie and, hashed, in the store)
 * and links to Slack's authorize page; Slack redirects to {@code GET /slack/oauth/callback} with a code and the state;
 * the state is used up (once, on whichever replica gets the redirect), {@code oauth.v2.access} exchanges the code,
 * and the installation is stored with its tokens sealed ({@link dev.paperbot.core.store.TokenCipher}, key from
 * {@code PAPERBOT_TOKEN_KEY}). Bolt's own handlers run the flow; this package gives them the store
 * ({@link dev.paperbot.bot.install.Workspaces}).
 *
 * <p>Requests: Bolt's {@code MultiTeamsAuthorization} looks up each request's workspace here and hands its listeners a
 * client with that workspace's token; a request from a workspace with no installation gets 401 (a slash command gets
 * a line saying the app is not installed). Digests look their workspace's token up through
 * {@link dev.paperbot.bot.digest.TeamTokens}; a channel of a workspace without an installation is paused.
 *
 * <p>Removal: {@code app_uninstalled} and {@code tokens_revoked} delete the installation and pause the workspace's
 * digests (subscriptions stay); installing again resumes them.
 */
package dev.paperbot.bot.install;
