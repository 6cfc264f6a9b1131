package de.grw.api.local;

import de.grw.api.LinkApi;
import de.grw.linking.LinkService;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.review.ReviewViews.GoldenView;
import java.util.Map;
import java.util.function.Supplier;

/** Real-time linking through the engine's {@link LinkService}, one per workspace (its index is shared). */
final class LocalLink implements LinkApi {
    private final LocalSignedIn signedIn;
    private final Supplier<LinkService> service;

    LocalLink(LocalSignedIn signedIn, Supplier<LinkService> service) {
        this.signedIn = signedIn;
        this.service = service;
    }

    @Override
    public LinkAnswer link(Map<String, String> record, String caseRef, String storeIn) {
        return service.get().link(signedIn.session(), record, caseRef, storeIn);
    }

    @Override
    public GoldenView golden(String goldenId, String caseRef) {
        return service.get().golden(signedIn.session(), goldenId, caseRef);
    }

    @Override
    public LinkAnswer search(String familyName, String givenName, String birthDate, String caseRef) {
        return service.get().search(signedIn.session(), familyName, givenName, birthDate, caseRef);
    }
}
