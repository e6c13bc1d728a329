// Starts the vendored Swagger UI on /docs; kept out of the page so the CSP can forbid inline scripts.
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // Session cookies (and their CSRF header) are what the browser already has.
    requestInterceptor: function (req) {
      var token = document.querySelector("meta[name=csrf-token]");
      if (token && token.content) { req.headers["X-CSRF-Token"] = token.content; }
      return req;
    },
  });
});
