#!/usr/bin/Rscript
# Converts Natural Earth's 1:110m country polygons, as Debian's
# r-cran-rnaturalearthdata packages them, into content/world/land.txt: the
# plain-text land polygons that lgma draws its world map from (src/geo.c).
#
#   Rscript src/tools/make-land.R content/world/land.txt
#
# Needs r-base-core, r-cran-sp and r-cran-rnaturalearthdata; lgma itself reads
# only the text file, so neither the build nor CI needs R.
#
# The package has no "land" layer at this scale, so every ring of every
# country goes in: countries do not overlap, so their union is the land, and
# lgma fills with the non-zero winding rule. Outer rings are written clockwise
# and holes (Lesotho's hole in South Africa) counter-clockwise, so a hole
# cancels its outer ring and the country filling it adds the land back.

suppressPackageStartupMessages(library(sp))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1)
	stop("usage: Rscript src/tools/make-land.R OUTPUT")
output <- args[1]

# Dropping a vertex moves the outline by at most this many degrees: a tenth
# of the finest map lgma draws (300 columns of Braille, 600 dots for 360
# degrees), so the simplification cannot be seen.
tolerance <- 0.06

data("countries110", package = "rnaturalearthdata", envir = environment())
version <- as.character(packageVersion("rnaturalearthdata"))

# Distance of each point of (px, py) from the segment a-b.
segment_distance <- function(px, py, ax, ay, bx, by) {
	dx <- bx - ax
	dy <- by - ay
	len2 <- dx * dx + dy * dy
	if (len2 == 0)
		return(sqrt((px - ax)^2 + (py - ay)^2))
	t <- pmin(1, pmax(0, ((px - ax) * dx + (py - ay) * dy) / len2))
	sqrt((px - ax - t * dx)^2 + (py - ay - t * dy)^2)
}

# Douglas-Peucker on an open polyline; returns the indices kept.
simplify_line <- function(x, y) {
	n <- length(x)
	keep <- logical(n)
	keep[c(1, n)] <- TRUE
	stack <- list(c(1, n))
	while (length(stack) > 0) {
		span <- stack[[length(stack)]]
		stack[[length(stack)]] <- NULL
		first <- span[1]
		last <- span[2]
		if (last - first < 2)
			next
		inner <- (first + 1):(last - 1)
		d <- segment_distance(x[inner], y[inner], x[first], y[first], x[last], y[last])
		if (max(d) > tolerance) {
			split <- inner[which.max(d)]
			keep[split] <- TRUE
			stack[[length(stack) + 1]] <- c(first, split)
			stack[[length(stack) + 1]] <- c(split, last)
		}
	}
	which(keep)
}

# A closed ring is cut at its first point and at the point farthest from it,
# and each half simplified, so no ring loses its extent.
simplify_ring <- function(x, y) {
	if (length(x) > 1 && x[1] == x[length(x)] && y[1] == y[length(y)]) {
		x <- x[-length(x)]
		y <- y[-length(y)]
	}
	n <- length(x)
	if (n <= 4)
		return(seq_len(n))
	far <- which.max((x - x[1])^2 + (y - y[1])^2)
	a <- simplify_line(x[1:far], y[1:far])
	b <- simplify_line(x[far:n], y[far:n]) + far - 1
	idx <- unique(c(a, b))
	# The closing edge, last point back to the first, is simplified too.
	if (length(idx) < 3)
		return(seq_len(n))
	idx
}

signed_area <- function(x, y) {
	n <- length(x)
	j <- c(2:n, 1)
	sum(x * y[j] - x[j] * y) / 2
}

lines <- c(
	"lgma-land 1",
	"# Land of the world for lgma's map: polygons in hundredths of a degree.",
	"#",
	"# Source: Natural Earth, Admin 0 - Countries, 1:110m (\"countries110\"),",
	sprintf("# as packaged in Debian's r-cran-rnaturalearthdata (rnaturalearthdata %s;", version),
	"# the package does not record the Natural Earth release it was made from).",
	"# Licence: public domain. Natural Earth's terms of use: \"All versions of",
	"# Natural Earth raster + vector map data found on this website are in the",
	"# public domain.\" (naturalearthdata.com/about/terms-of-use); the R package",
	"# is CC0.",
	sprintf("# Simplified (Douglas-Peucker, %.2f degrees) and rounded to 0.01 degrees.", tolerance),
	"# Regenerate: Rscript src/tools/make-land.R content/world/land.txt",
	"#",
	"# Format: the first line is \"lgma-land 1\"; lines starting with # are",
	"# comments; \"ring\" starts a polygon ring and each following line is one",
	"# vertex \"LON LAT\" (integers, hundredths of a degree: -18000..18000 and",
	"# -9000..9000). A ring closes by itself (last vertex back to the first).",
	"# Fill rule: non-zero winding; outer rings run clockwise, holes",
	"# counter-clockwise."
)

rings <- 0
points <- 0
body <- character(0)
for (country in countries110@polygons) {
	for (ring in country@Polygons) {
		xy <- ring@coords
		idx <- simplify_ring(xy[, 1], xy[, 2])
		lon <- round(xy[idx, 1] * 100)
		lat <- round(xy[idx, 2] * 100)
		# Rounding can make neighbours equal; a repeated vertex adds nothing.
		same <- c(FALSE, lon[-1] == lon[-length(lon)] & lat[-1] == lat[-length(lat)])
		lon <- lon[!same]
		lat <- lat[!same]
		if (length(lon) < 3 || signed_area(lon, lat) == 0)
			next
		clockwise <- signed_area(lon, lat) < 0
		if (clockwise == ring@hole) {
			lon <- rev(lon)
			lat <- rev(lat)
		}
		body <- c(body, "ring", sprintf("%d %d", as.integer(lon), as.integer(lat)))
		rings <- rings + 1
		points <- points + length(lon)
	}
}
lines <- c(lines, sprintf("# %d rings, %d vertices.", rings, points), body)
writeLines(lines, output)
