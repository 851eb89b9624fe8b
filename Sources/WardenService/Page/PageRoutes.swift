import Hummingbird

/// Serves the audit review page: `GET /` and `GET /assets/NAME`.
///
/// The page and its files hold no audit data, so they are served without a token (the page asks
/// for one and sends it with each API call, which is where the `audit`, `decide` and `read`
/// roles apply). Every answer carries a strict Content-Security-Policy: scripts, styles and
/// connections from this origin only, no inline script or style, no frames, no plugins.
public enum PageRoutes {
    /// The Content-Security-Policy of the page and its files.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// Adds the page routes to `router`.
    public static func add(to router: Router<some RequestContext>) {
        add(to: router, assets: .bundled)
    }

    static func add(to router: Router<some RequestContext>, assets: PageAssets) {
        router.get("/") { _, _ -> Response in serve("index.html", from: assets) }
        router.get("/assets/{name}") { _, context -> Response in
            serve(context.parameters.get("name") ?? "", from: assets)
        }
    }

    private static func serve(_ name: String, from assets: PageAssets) -> Response {
        guard PageAssets.isPlainName(name), let asset = assets.files[name] else {
            if assets.files.isEmpty {
                return ServiceRoutes.failure(
                    ServiceError(
                        status: 503, code: "page-missing",
                        message:
                            "the page's files are not installed: keep `Warden_WardenService.resources` beside the `warden` executable"
                    ))
            }
            return ServiceRoutes.failure(
                ServiceError(
                    status: 404, code: "not-found", message: "no page file `\(name.prefix(64))`; the page is at `/`"))
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType, .contentSecurityPolicy: contentSecurityPolicy,
                .xContentTypeOptions: "nosniff", .cacheControl: "no-cache",
                HTTPFields.Element.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
