<!-- Site-wide DaCHS overrides for the AstroRuntime peer (installed as
  /var/gavo/etc/userconfig.rd). Anything not defined here falls back to DaCHS's own
  //userconfig. This only adds TAP examples, served at /tap/examples. -->
<resource schema="__system">
  <STREAM id="tapexamples">
    <meta name="_example" title="First rows of the star catalogue">
      The first ten rows of :taptable:`astropeer.stars`.

      .. tapquery::

        SELECT TOP 10 * FROM astropeer.stars
    </meta>
    <meta name="_example" title="Cone around RA 180 Dec 2">
      Stars within half a degree of (180, 2), brightest first.

      .. tapquery::

        SELECT id, ra, dec, mag FROM astropeer.stars
        WHERE 1=CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 180, 2, 0.5))
        ORDER BY mag
    </meta>
    <meta name="_example" title="Images covering a position">
      ObsCore records of the images that contain (180, 2).

      .. tapquery::

        SELECT obs_id, access_url, s_ra, s_dec FROM ivoa.obscore
        WHERE 1=CONTAINS(POINT('ICRS', 180, 2), s_region)
    </meta>
  </STREAM>
</resource>
