package de.grw.ui;

import de.grw.ui.accounts.AccountsScreen;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Screen;
import de.grw.ui.approval.ApprovalScreen;
import de.grw.ui.audit.AuditScreen;
import de.grw.ui.export.ExportScreen;
import de.grw.ui.importing.ImportScreen;
import de.grw.ui.matching.MatchScreen;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.start.StartScreen;
import java.util.List;

/** The screens of the workbench in navigation order. */
final class Screens {
    private Screens() {
    }

    static Screen start(AppContext ctx) {
        return new StartScreen(ctx);
    }

    static List<Screen> all(AppContext ctx) {
        return List.of(new ImportScreen(ctx), new MatchScreen(ctx), new ReviewScreen(ctx), new ApprovalScreen(ctx),
                new AuditScreen(ctx), new ExportScreen(ctx), new AccountsScreen(ctx));
    }
}
