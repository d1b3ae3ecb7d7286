# Agenda in a container. Build: docker build -t agenda .
# Run:   docker run -p 5080:5080 -p 9090:9090 -p 9091:9091/udp -p 9095:9095 -e Rmi__AdvertisedHost=<host clients use> -e Security__AllowAnonymous=true -v agenda-data:/app/data agenda
# Bound to all interfaces it refuses to start without a security choice: Security__AllowAnonymous=true as above (a
# trusted network), or Security__RequireSignIn=true with Rmi__HmacKey (README, "Exposure and Pyro").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Agenda.Web -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out .
# Inside a container the listeners must bind all interfaces; Pyro URIs handed to clients carry Rmi__AdvertisedHost,
# which must be the name or address clients reach the container by (the loopback default only works inside it).
ENV Urls=http://0.0.0.0:5080 \
    Rmi__Host=0.0.0.0 \
    ConnectionStrings__Agenda="Data Source=/app/data/agenda.db"
VOLUME /app/data
EXPOSE 5080 9090 9091/udp 9095
ENTRYPOINT ["dotnet", "Agenda.Web.dll"]
