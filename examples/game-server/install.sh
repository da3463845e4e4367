#!/usr/bin/env bash
# Installs the Team Fortress 2 dedicated server (Steam app 232250) into /var/lib/game and writes its
# configuration. noros runs this once per version of this file, on the server's first boot after the
# change, through the instance's user data (staged in S3: this script is over the 16 KB limit).
#
# The server itself runs as the systemd service "game" under its own user (examples/game-server/
# game-service.ts); systemd hands /var/lib/game to that user when the service starts, so this script
# may run as root and leave the files to it.
#
# Everything below is plain text a reviewer can read: no binaries, no downloads except Valve's own
# SteamCMD depot of the server, fetched anonymously (a dedicated server needs no Steam account).
set -euo pipefail

readonly GAME_ROOT=/var/lib/game
readonly SERVER_DIR="$GAME_ROOT/tf2"
readonly CFG_DIR="$SERVER_DIR/tf/cfg"
readonly APP_ID=232250
# The nixpkgs commit the host is built from: SteamCMD comes from it, like everything else on the host.
readonly NIXPKGS="https://github.com/NixOS/nixpkgs/archive/ac62194c3917d5f474c1a844b6fd6da2db95077d.tar.gz"

log() {
  printf '%s install: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

# ---------------------------------------------------------------------------------------------------
# 1. Directories. /var/lib/game is the service's StateDirectory; logs live beside the server so that
#    logrotate (one day, uncompressed) and the log shipper find them in one place.
# ---------------------------------------------------------------------------------------------------
log "creating $GAME_ROOT"
install -d -m 0750 "$GAME_ROOT" "$GAME_ROOT/logs" "$GAME_ROOT/steam"

# ---------------------------------------------------------------------------------------------------
# 2. The server files, through SteamCMD. SteamCMD is unfree in nixpkgs, so it is allowed for this one
#    nix-shell only. `validate` checks every file against Valve's manifest, so a half-finished earlier
#    attempt is repaired rather than trusted. SteamCMD sometimes exits with a transient error on its
#    first run (it updates itself first), so the download is retried a few times.
# ---------------------------------------------------------------------------------------------------
download() {
  NIXPKGS_ALLOW_UNFREE=1 HOME="$GAME_ROOT/steam" nix-shell -I "nixpkgs=$NIXPKGS" -p steamcmd --run \
    "steamcmd +force_install_dir $SERVER_DIR +login anonymous +app_update $APP_ID validate +quit"
}

for attempt in 1 2 3 4 5; do
  log "downloading app $APP_ID (attempt $attempt)"
  if download; then
    break
  fi
  if [ "$attempt" -eq 5 ]; then
    log "SteamCMD failed five times; giving up (the next boot with this script tries again)"
    exit 1
  fi
  sleep $((attempt * 15))
done

if [ ! -x "$SERVER_DIR/srcds_run" ] && [ ! -x "$SERVER_DIR/srcds_run_64" ]; then
  log "the download finished but no srcds_run is in $SERVER_DIR"
  exit 1
fi

# ---------------------------------------------------------------------------------------------------
# 3. server.cfg: read by the server at every map change. Each setting is explained, so that changing
#    one is a reviewed edit of this file (which makes noros run the script again on the next boot).
#    Secrets are not here: the RCON password is generated on the host (step 6) and never leaves it.
# ---------------------------------------------------------------------------------------------------
log "writing $CFG_DIR/server.cfg"
install -d -m 0755 "$CFG_DIR"
cat > "$CFG_DIR/server.cfg" <<'SERVER_CFG'
// server.cfg, written by install.sh (noros example game-server). Edit install.sh, not this file.

// ---- Identity --------------------------------------------------------------------------------------
// The name players see in the server browser.
hostname "noros example server"
// Region code for the master server list: 3 is Europe.
sv_region 3
// Tags shown in the server browser, used by players' filters.
sv_tags "noros,nocrits,vanilla"
// Contact address published in the server's rules.
sv_contact "ops@example.com"

// ---- Access ----------------------------------------------------------------------------------------
// No password: this is a public server. Set one here for a private match.
sv_password ""
// The RCON password is read from rcon.cfg, generated on the host and readable by the game user only.
exec rcon.cfg
// Ban an address for 30 minutes after 5 failed RCON attempts within 5 minutes; fail2ban on the host
// bans the same addresses at the firewall from the log lines this produces.
sv_rcon_minfailures 5
sv_rcon_minfailuretime 300
sv_rcon_maxfailures 10
sv_rcon_banpenalty 30
// Log RCON failures to the server log, where fail2ban's jail reads them.
sv_rcon_log 1

// ---- Players and matches ---------------------------------------------------------------------------
// Players on the server at once (24 is the standard for public TF2).
maxplayers 24
// Minutes per map; 0 would mean no limit.
mp_timelimit 30
// Rounds per map before it changes; 0 leaves it to the time limit.
mp_maxrounds 0
// Captures that win a capture-the-flag map.
tf_flag_caps_per_round 3
// Seconds before a round starts, for players to join and choose a class.
mp_waitingforplayers_time 30
// Automatically balance teams when they differ by more than this many players.
mp_autoteambalance 1
mp_teams_unbalance_limit 1
// Random critical hits off, spread of damage off: a predictable game.
tf_weapon_criticals 0
tf_damage_disablespread 1
// Friendly fire off.
mp_friendlyfire 0
// Players may not change to spectator to dodge the balance.
mp_allowspectators 1
// Scrambling teams when one team wins too often.
mp_scrambleteams_auto 1
mp_scrambleteams_auto_windifference 2
// Voting: kicks and map changes by vote, with a cooldown.
sv_allow_votes 1
sv_vote_issue_kick_allowed 1
sv_vote_issue_changelevel_allowed 1
sv_vote_issue_nextlevel_allowed 1
sv_vote_issue_scramble_teams_allowed 1
sv_vote_kick_ban_duration 20
sv_vote_creation_timer 120

// ---- Network -----------------------------------------------------------------------------------------
// Bandwidth per client, in bytes per second (the NLB passes UDP straight through).
sv_minrate 80000
sv_maxrate 0
// Update and command rates: 66 ticks per second is TF2's native rate.
sv_minupdaterate 66
sv_maxupdaterate 66
sv_mincmdrate 66
sv_maxcmdrate 66
// Clients' interpolation may not be tuned beyond the defaults.
sv_client_min_interp_ratio 1
sv_client_max_interp_ratio 2
// Time out players that stop sending packets after 65 seconds.
sv_timeout 65
// No downloads of custom content from this server: players only get stock maps.
sv_allowdownload 0
sv_allowupload 0
net_maxfilesize 15

// ---- Integrity -------------------------------------------------------------------------------------
// Valve Anti-Cheat on; clients must use consistent game files.
sv_pure 1
sv_consistency 1
// Cheats off (server variables marked as cheats cannot be changed).
sv_cheats 0
// Alltalk off: teams do not hear each other.
sv_alltalk 0
// Dead players may not talk to the living.
sv_deadtalk 0

// ---- Logging -----------------------------------------------------------------------------------------
// The server writes its logs to $GAME_ROOT/logs (see the service's -logdir), one file per map, with
// every connection, kill, chat line and RCON attempt. logrotate keeps one day of them, uncompressed,
// and the log pipeline ships the journal to CloudWatch, where they are kept for a year.
log on
sv_logbans 1
sv_logecho 1
sv_logfile 1
sv_log_onefile 0
mp_logdetail 3

// ---- Banned players --------------------------------------------------------------------------------
// Bans survive restarts: they are kept in banned_user.cfg and banned_ip.cfg, read here.
exec banned_user.cfg
exec banned_ip.cfg
writeid
writeip
SERVER_CFG

# ---------------------------------------------------------------------------------------------------
# 4. The map cycle: stock maps only, so that sv_allowdownload 0 never leaves a player without one.
#    The order alternates game modes, so no mode runs twice in a row.
# ---------------------------------------------------------------------------------------------------
log "writing the map cycle"
cat > "$CFG_DIR/mapcycle.txt" <<'MAPCYCLE'
ctf_2fort
cp_dustbowl
pl_badwater
koth_harvest_final
cp_granary
ctf_turbine
pl_upward
cp_gorge
koth_viaduct
cp_well
pl_goldrush
ctf_doublecross
cp_gravelpit
koth_lakeside_final
pl_thundermountain
cp_steel
ctf_sawmill
cp_process_final
koth_nucleus
pl_frontier_final
cp_badlands
ctf_landfall
cp_snakewater_final
koth_badlands
pl_hoodoo_final
cp_egypt_final
cp_coldfront
pl_borneo
koth_king
cp_sunshine
MAPCYCLE

# ---------------------------------------------------------------------------------------------------
# 4b. Per-mode settings. The server runs <mode>_<map>.cfg-style files through the map's prefix:
#     each map change execs server.cfg and then the file for its game mode, so one server can rotate
#     through modes that want different limits. Each file states why each value was chosen.
# ---------------------------------------------------------------------------------------------------
log "writing the per-mode configurations"
cat > "$CFG_DIR/mode_ctf.cfg" <<'MODE_CTF'
// Capture the flag (ctf_* maps), written by install.sh. Edit install.sh, not this file.
// Both teams defend an intelligence briefcase and try to carry the other team's to their base.
// Half an hour per map.
mp_timelimit 30
// Three captures win.
tf_flag_caps_per_round 3
// Ten seconds of crits for the capturing team.
tf_ctf_bonus_time 10
// No win limit: the time limit decides.
mp_winlimit 0
// Idle players are moved to spectator first.
mp_idledealmethod 1
// After five minutes.
mp_idlemaxtime 5
MODE_CTF
cat > "$CFG_DIR/mode_cp.cfg" <<'MODE_CP'
// Control points (cp_* maps), written by install.sh. Edit install.sh, not this file.
// Teams capture points in order (attack/defend) or race for the middle (symmetric).
// Half an hour per map.
mp_timelimit 30
// Three round wins end the map early.
mp_winlimit 3
// Sudden death when time runs out.
mp_stalemate_enable 1
// For at most two minutes.
mp_stalemate_timelimit 120
// No overtime announcer spam.
tf_overtime_nag 0
// Idle players are moved to spectator first.
mp_idledealmethod 1
MODE_CP
cat > "$CFG_DIR/mode_pl.cfg" <<'MODE_PL'
// Payload (pl_* maps), written by install.sh. Edit install.sh, not this file.
// Blue pushes a cart along a track to Red's base before time runs out; Red stops it.
// Payload maps have two or three stages.
mp_timelimit 40
// The time limit decides.
mp_winlimit 0
// No sudden death: the cart either arrives or not.
mp_stalemate_enable 0
// No arena queue.
tf_arena_use_queue 0
// Idle players are moved to spectator first.
mp_idledealmethod 1
// After five minutes.
mp_idlemaxtime 5
MODE_PL
cat > "$CFG_DIR/mode_koth.cfg" <<'MODE_KOTH'
// King of the hill (koth_* maps), written by install.sh. Edit install.sh, not this file.
// One point in the middle; a team wins by holding it for three minutes in total.
// Rounds are short.
mp_timelimit 25
// Three round wins end the map.
mp_winlimit 3
// No first-blood crits.
tf_arena_first_blood 0
// The hill's timers decide.
mp_stalemate_enable 0
// Idle players are moved to spectator first.
mp_idledealmethod 1
// After five minutes.
mp_idlemaxtime 5
MODE_KOTH

# Each map in the cycle execs its mode's file on load: map configs are tf/cfg/<map>.cfg.
while read -r map; do
  [ -n "$map" ] || continue
  mode="${map%%_*}"
  if [ -e "$CFG_DIR/mode_$mode.cfg" ]; then
    printf '// %s: settings of its game mode (%s), written by install.sh\nexec mode_%s.cfg\n' "$map" "$mode" "$mode" > "$CFG_DIR/$map.cfg"
  fi
done < "$CFG_DIR/mapcycle.txt"

# ---------------------------------------------------------------------------------------------------
# 5. The message of the day, shown when a player joins: the rules and where to report a problem.
# ---------------------------------------------------------------------------------------------------
log "writing the message of the day"
cat > "$CFG_DIR/motd.txt" <<'MOTD'
Welcome to the noros example server.

Rules
  1. Be kind. Harassment, slurs and spam in chat or voice lead to a kick, and a ban if repeated.
  2. No cheating, exploits or scripts beyond what the game allows. VAC is on.
  3. No intentional team-killing, spawn-camping with exploits, or blocking teammates.
  4. Keep voice chat for the game. Music and noise over the microphone lead to a mute.
  5. Follow votes: a kick vote that passes is final for the ban's duration (20 minutes).

Maps rotate every 30 minutes through stock maps of every game mode.
Teams balance automatically and scramble when one team keeps winning.

Problems, bans you believe are mistaken, or suggestions: ops@example.com
Include the time (UTC) and your Steam ID, shown by typing "status" in the console.
MOTD
cp "$CFG_DIR/motd.txt" "$CFG_DIR/motd_text_default.txt"

# ---------------------------------------------------------------------------------------------------
# 6. The RCON password: generated here once, kept across reinstalls, never in the configuration,
#    the Nix store, the user data or Terraform state. Read it through Session Manager:
#      sudo cat /var/lib/game/tf2/tf/cfg/rcon.cfg
# ---------------------------------------------------------------------------------------------------
if [ ! -s "$CFG_DIR/rcon.cfg" ]; then
  log "generating the RCON password"
  umask 077
  password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
  printf 'rcon_password "%s"\n' "$password" > "$CFG_DIR/rcon.cfg"
  unset password
  umask 022
fi
chmod 0600 "$CFG_DIR/rcon.cfg"

# Ban lists start empty; the server appends to them (writeid, writeip).
for list in banned_user.cfg banned_ip.cfg; do
  [ -e "$CFG_DIR/$list" ] || : > "$CFG_DIR/$list"
done

# ---------------------------------------------------------------------------------------------------
# 7. The start script the "game" systemd service runs. It is written here rather than in the NixOS
#    configuration because it points into the files SteamCMD installed, which the configuration
#    cannot know about. steam-run-free provides the FHS environment Valve's binaries expect.
# ---------------------------------------------------------------------------------------------------
log "writing the start script"
cat > "$GAME_ROOT/start.sh" <<'START'
#!/usr/bin/env bash
# Started by the systemd service "game" as the game user; see game-service.ts.
set -euo pipefail
cd /var/lib/game/tf2
binary=./srcds_run
[ -x ./srcds_run_64 ] && binary=./srcds_run_64
exec "$binary" \
  -game tf \
  -console \
  -port 27015 \
  -strictportbind \
  -ip 0.0.0.0 \
  +maxplayers 24 \
  +map ctf_2fort \
  +sv_setsteamaccount "" \
  -logdir /var/lib/game/logs \
  -norestart
START
chmod 0755 "$GAME_ROOT/start.sh"

# ---------------------------------------------------------------------------------------------------
# 8. A record of what was installed, for whoever logs in through Session Manager to look.
# ---------------------------------------------------------------------------------------------------
{
  echo "installed: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "app: $APP_ID"
  if [ -r "$SERVER_DIR/steamapps/appmanifest_$APP_ID.acf" ]; then
    grep -E '"buildid"' "$SERVER_DIR/steamapps/appmanifest_$APP_ID.acf" | tr -d '\t"' | sed 's/buildid/build: /'
  fi
} > "$GAME_ROOT/INSTALLED"

log "done; the game service starts the server once this script has finished"
