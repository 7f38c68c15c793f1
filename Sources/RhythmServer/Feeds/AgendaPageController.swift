import HTTPTypes
import Hummingbird
import Logging

/// `GET /agenda/<token>/<series>/<date>`: the HTML agenda a private feed links to.
///
/// Agendas change with the data behind them, so pages are rendered on every request and
/// never cached by the server; browsers may keep one briefly. The token is a capability in
/// the URL: the page tells browsers not to send it on as a referrer, and runs no script.
public struct AgendaPageController<Pages: AgendaPageProvider>: Sendable {
    let pages: Pages

    public init(pages: Pages) {
        self.pages = pages
    }

    /// Adds the route to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/agenda/{token}/{series}/{date}") { request, context in
            try await page(request, context: context)
        }
    }

    private func page(_ request: Request, context: some RequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let series = try context.parameters.require("series")
        let date = try context.parameters.require("date")
        let html: String?
        do {
            html = try await pages.agendaPage(token: token, seriesID: series, date: date)
        } catch {
            context.logger.error(
                "Agenda page failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            throw ServerError.internalError
        }
        guard let html else { throw ServerError.pageNotFound }
        let body = ByteBuffer(string: html)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentLength: String(body.readableBytes),
                .cacheControl: "private, max-age=60",
                .xContentTypeOptions: "nosniff",
                .referrerPolicy: "no-referrer",
                HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'",
            ],
            body: ResponseBody(byteBuffer: body)
        )
    }
}
