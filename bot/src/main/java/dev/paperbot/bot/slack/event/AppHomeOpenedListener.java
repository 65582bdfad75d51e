package dev.paperbot.bot.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.view.HomeView;
import dev.paperbot.bot.slack.view.Upvotes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code app_home_opened}: publishes the user's Home tab (usage, recently saved and shared papers). */
public final class AppHomeOpenedListener implements BoltEventHandler<AppHomeOpenedEvent> {

    private static final Logger log = LoggerFactory.getLogger(AppHomeOpenedListener.class);

    private final PaperSearches searches;
    private final PaperActivity activity;
    private final Executor worker;

    public AppHomeOpenedListener(PaperSearches searches, PaperActivity activity, Executor worker) {
        this.searches = searches;
        this.activity = activity;
        this.worker = worker;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        // The event also fires for the Messages tab; only the Home tab shows the view.
        if (event == null || event.getUser() == null || (event.getTab() != null && !"home".equals(event.getTab()))) {
            return ctx.ack();
        }
        String team = payload.getTeamId() == null ? "" : payload.getTeamId();
        String user = event.getUser();
        worker.execute(() -> publish(ctx, team, user));
        return ctx.ack();
    }

    private void publish(EventContext ctx, String team, String user) {
        try {
            List<HomeView.Item> items = new ArrayList<>();
            for (PaperActivity.Entry e : activity.recentSavedOrShared(team, user, HomeView.RECENT)) {
                searches.find(e.paper()).ifPresent(p -> items.add(new HomeView.Item(p,
                        e.kind() == PaperActivity.Kind.SHARED ? "shared" : "saved", e.at())));
            }
            Upvotes upvotes = searches.upvotes(items.stream().map(i -> i.paper().id()).toList());
            ViewsPublishResponse response = ctx.client().viewsPublish(r -> r.userId(user)
                    .view(HomeView.render(items, upvotes)));
            if (!response.isOk()) {
                log.warn("views.publish for team {} user {} failed: {}", team, user, response.getError());
            }
        } catch (Exception e) {
            log.warn("Could not publish the Home tab for team {} user {}: {}", team, user, e.toString());
        }
    }
}
