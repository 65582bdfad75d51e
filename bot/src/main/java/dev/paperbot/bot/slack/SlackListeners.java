package dev.paperbot.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.paperbot.bot.install.Workspaces;
import dev.paperbot.bot.metrics.ButtonMetrics;
import dev.paperbot.bot.metrics.SearchTimer;
import dev.paperbot.bot.slack.action.FollowLikeAction;
import dev.paperbot.bot.slack.action.MoreLikeThisAction;
import dev.paperbot.bot.slack.action.NextPageAction;
import dev.paperbot.bot.slack.action.NextTrendingPageAction;
import dev.paperbot.bot.slack.action.NotInterestedAction;
import dev.paperbot.bot.slack.action.SaveAction;
import dev.paperbot.bot.slack.action.ShareAction;
import dev.paperbot.bot.slack.command.PapersSlashCommand;
import dev.paperbot.bot.slack.event.AppHomeOpenedListener;
import dev.paperbot.bot.slack.event.AppUninstalledListener;
import dev.paperbot.bot.slack.event.TokensRevokedListener;
import dev.paperbot.bot.slack.view.ActionIds;

/** Every registration of the bot, in one list: command, buttons, events. Each listener is its own class. */
public final class SlackListeners {

    public static final String COMMAND = "/papers";

    private SlackListeners() {
    }

    public static App register(App app, BotServices services) {
        PaperSearches searches = new PaperSearches(services.index(), services.activity(), services.clock(),
                new SearchTimer(services.meters()));
        var worker = services.worker();
        var activity = services.activity();

        // After Bolt's own middleware: only presses whose signature checked out are counted.
        app.use(new ButtonMetrics(services.meters()));

        app.command(COMMAND, new PapersSlashCommand(services, searches));

        app.blockAction(ActionIds.MORE_LIKE_THIS, new MoreLikeThisAction(searches, worker));
        app.blockAction(ActionIds.SHARE, new ShareAction(searches, activity, worker));
        app.blockAction(ActionIds.SAVE, new SaveAction(searches, activity, worker));
        app.blockAction(ActionIds.NOT_INTERESTED, new NotInterestedAction(searches, activity, worker));
        app.blockAction(ActionIds.NEXT_PAGE, new NextPageAction(searches, worker));
        app.blockAction(ActionIds.NEXT_TRENDING_PAGE, new NextTrendingPageAction(searches, worker));
        app.blockAction(ActionIds.FOLLOW_LIKE, new FollowLikeAction(services.subscriptions(), worker));

        app.event(AppHomeOpenedEvent.class, new AppHomeOpenedListener(searches, activity, worker));
        return app;
    }

    /** The events that tell a bot installed in many workspaces that one of them removed it. */
    public static App registerInstallEvents(App app, Workspaces workspaces) {
        app.event(AppUninstalledEvent.class, new AppUninstalledListener(workspaces));
        app.event(TokensRevokedEvent.class, new TokensRevokedListener(workspaces));
        return app;
    }
}
