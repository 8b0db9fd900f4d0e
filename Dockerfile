# Multi-stage build: a static binary and a prebuilt index on a distroless,
# non-root base with no shell. .ci/dockerfile-check runs the build stage's RUN
# steps on the CI machine (no Docker engine there), so keep them plain
# commands that work in any POSIX shell.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/yearbookbot ./cmd/yearbookbot
# The index of the embedded yearbook is built now so the container starts
# answering without segmenting and indexing the corpus again.
RUN /out/yearbookbot index --out /out/index
# The polling loop keeps handled update ids here, so a crash or restart of
# the container never answers an update twice; the image has no shell to
# make the folder, so it is made here and copied.
RUN mkdir -p /out/state

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/yearbookbot /yearbookbot
COPY --from=build /out/index /index
COPY --from=build --chown=nonroot:nonroot /out/state /state
ENV YEARBOOK_INDEX=/index \
    YEARBOOK_LISTEN=:8080 \
    YEARBOOK_STATE=/state/poller.json \
    YEARBOOK_DATA=/state
VOLUME /state
USER nonroot:nonroot
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["/yearbookbot", "healthcheck"]
ENTRYPOINT ["/yearbookbot"]
CMD ["serve"]
