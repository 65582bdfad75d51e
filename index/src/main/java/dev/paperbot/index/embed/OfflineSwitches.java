package dev.paperbot.index.embed;

/**
 * Keeps the embedding library off the network. DJL (the tokenizer's runtime) reports usage to a metadata address
 * and may download native libraries unless told it is offline; {@code bin/paperbot} sets the switches on the
 * command line, and this sets them again in the process before any DJL class runs, then checks with DJL's own
 * logic that they hold (an environment variable {@code DJL_OFFLINE=false} would beat the system property).
 */
final class OfflineSwitches {

    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String TRACKING_OPT_OUT = "OPT_OUT_TRACKING";

    private OfflineSwitches() {
    }

    /**
     * Sets both switches and verifies them.
     *
     * @throws EmbedderUnavailableException when the environment overrides them
     */
    static void enforce() {
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty(TRACKING_OPT_OUT, "true");
        if (!ai.djl.util.Utils.isOfflineMode()) {
            throw new EmbedderUnavailableException("DJL_OFFLINE is set to false in the environment, which would let "
                    + "the embedding library download; unset it");
        }
        if (!Boolean.parseBoolean(ai.djl.util.Utils.getEnvOrSystemProperty(TRACKING_OPT_OUT))) {
            throw new EmbedderUnavailableException("OPT_OUT_TRACKING is set to false in the environment, which would "
                    + "let the embedding library report usage; unset it");
        }
    }
}
