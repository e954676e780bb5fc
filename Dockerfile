# sendout in a container. Build: docker build -t sendout .
#   docker run --rm -p 8080:8080 sendout                          # the mock API (serve) on 0.0.0.0:8080
#   docker run --rm sendout fire customer.publication.succeeded   # any command: sendout is the entrypoint
# The build stage makes the release archive with scripts/release.sh on the official Swift image (Debian 12, the same
# glibc as the runtime stage). The runtime stage is Debian 12 slim with RUNTIME_PACKAGES and nothing else.
# No Docker engine runs in this project's CI: scripts/release-check.sh builds a Debian 12 root with debootstrap and
# exactly RUNTIME_PACKAGES, adds the user below, and runs the archive's binary and this HEALTHCHECK in it.

FROM swift:6.3.1-bookworm AS build
WORKDIR /src
COPY . .
# The commit `sendout --version` names (the build context usually has no .git): --build-arg SENDOUT_COMMIT=$(git rev-parse --short=12 HEAD)
ARG SENDOUT_COMMIT=unknown
RUN SENDOUT_COMMIT="$SENDOUT_COMMIT" scripts/release.sh \
  && mkdir /out && tar -xzf dist/sendout-*-linux-*.tar.gz -C /out --strip-components=1

FROM debian:bookworm-slim
ARG RUNTIME_PACKAGES="ca-certificates libcurl4"
RUN apt-get update \
  && apt-get install -y --no-install-recommends $RUNTIME_PACKAGES \
  && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 --user-group sendout
COPY --from=build /out/sendout /usr/local/bin/sendout
COPY --from=build /out/Scenarios /usr/share/sendout/Scenarios
USER sendout
WORKDIR /home/sendout
EXPOSE 8080
# Healthy when the API answers HTTP on its port (bash's /dev/tcp: no curl in the image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /_sendout/clock HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sendout"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
