<!-- AstroRuntime's DaCHS peer: a small synthetic star catalogue (Simple Cone Search + TAP)
  and a handful of synthetic FITS images (SIAP 1.0, and SIAv2/ObsCore through DaCHS's
  site-wide services). The data come from make_data.py in this folder; see README.md. -->
<resource schema="astropeer" resdir="astropeer">
  <meta name="creationDate">2024-03-01T00:00:00Z</meta>
  <meta name="title">AstroRuntime DaCHS peer test data</meta>
  <meta name="description">Synthetic, deterministic test data for checking the AstroRuntime
    VO services against a real third-party server: a star catalogue clustered around
    RA 180, Dec 2 with some all-sky stars, and six small images with TAN WCS.</meta>
  <meta name="subject">Catalogs</meta>
  <meta name="subject">Images</meta>
  <meta name="creator.name">AstroRuntime</meta>
  <meta name="contentLevel">Research</meta>
  <meta name="type">Catalog</meta>
  <meta name="facility">AstroRuntime synthetic sky</meta>
  <meta name="coverage.waveband">Optical</meta>

  <!-- ===================== star catalogue ===================== -->
  <table id="stars" onDisk="True" mixin="//scs#q3cindex" adql="True">
    <meta name="description">Synthetic stars: 2000 within 5 degrees of (RA 180, Dec 2),
      1000 uniformly over the sky. Star 1 is exactly at (180, 2).</meta>
    <primary>id</primary>
    <stc>
      Position ICRS "ra" "dec"
    </stc>
    <column name="id" type="integer" required="True"
      ucd="meta.id;meta.main" tablehead="Id"
      description="Identifier of the star (1..3000)." verbLevel="1"/>
    <column name="ra" type="double precision" required="True"
      unit="deg" ucd="pos.eq.ra;meta.main" tablehead="RA"
      description="ICRS right ascension." verbLevel="1"/>
    <column name="dec" type="double precision" required="True"
      unit="deg" ucd="pos.eq.dec;meta.main" tablehead="Dec"
      description="ICRS declination." verbLevel="1"/>
    <column name="mag" type="real"
      unit="mag" ucd="phot.mag;em.opt.V" tablehead="Mag"
      description="Synthetic V magnitude (8..18)." verbLevel="1"/>
  </table>

  <data id="import_stars">
    <sources pattern="data/stars.csv"/>
    <csvGrammar/>
    <make table="stars">
      <rowmaker idmaps="*"/>
    </make>
  </data>

  <!-- ===================== images ===================== -->
  <table id="images" onDisk="True" mixin="//siap#pgs" adql="True">
    <meta name="description">Six 64x64 pixel synthetic images (0.01 deg/pixel, TAN).</meta>
    <mixin
      calibLevel="2"
      collectionName="'AstroRuntime peer'"
      targetName="object"
      expTime="exptime"
    >//obscore#publishSIAP</mixin>
    <column name="object" type="text" ucd="meta.id;obs.field" tablehead="Field"
      description="Name of the field imaged." verbLevel="15"/>
    <column name="exptime" type="real" unit="s" ucd="time.duration;obs.exposure"
      tablehead="T.Exp" description="Exposure time." verbLevel="15"/>
  </table>

  <data id="import_images">
    <sources pattern="images/*.fits"/>
    <fitsProdGrammar>
      <rowfilter procDef="//products#define">
        <bind key="table">"\schema.images"</bind>
      </rowfilter>
    </fitsProdGrammar>
    <make table="images">
      <rowmaker>
        <var key="band">{"B": (390e-9, 490e-9), "V": (500e-9, 600e-9),
          "R": (590e-9, 730e-9)}[@FILTER]</var>
        <apply procDef="//siap#setMeta">
          <bind key="dateObs">@DATE_OBS</bind>
          <bind key="instrument">@INSTRUME</bind>
          <bind key="bandpassId">"Johnson "+@FILTER</bind>
          <bind key="bandpassLo">@band[0]</bind>
          <bind key="bandpassHi">@band[1]</bind>
          <bind key="bandpassRefval">(@band[0]+@band[1])/2</bind>
          <bind key="pixflags">"X"</bind>
          <bind key="title">"AstroRuntime peer {} {} {}".format(
            @OBJECT, @FILTER, @DATE_OBS)</bind>
        </apply>
        <apply procDef="//siap#computePGS"/>
        <map key="object">@OBJECT</map>
        <map key="exptime">@EXPTIME</map>
      </rowmaker>
    </make>
  </data>

  <!-- ===================== services ===================== -->
  <service id="cone" allowed="form,scs.xml">
    <meta name="shortName">AR peer cone</meta>
    <meta name="title">AstroRuntime peer star cone search</meta>
    <meta name="testQuery">
      <meta name="ra">180.0</meta>
      <meta name="dec">2.0</meta>
      <meta name="sr">0.01</meta>
    </meta>
    <publish render="form" sets="ivo_managed,local"/>
    <publish render="scs.xml" sets="ivo_managed"/>
    <scsCore queriedTable="stars">
      <FEED source="//scs#coreDescs"/>
      <condDesc buildFrom="mag"/>
    </scsCore>
  </service>

  <service id="im" allowed="form,siap.xml">
    <meta name="shortName">AR peer siap</meta>
    <meta name="title">AstroRuntime peer image search</meta>
    <meta name="sia.type">Pointed</meta>
    <meta name="testQuery.pos.ra">180.0</meta>
    <meta name="testQuery.pos.dec">2.0</meta>
    <meta name="testQuery.size.ra">0.1</meta>
    <meta name="testQuery.size.dec">0.1</meta>
    <publish render="siap.xml" sets="ivo_managed"/>
    <publish render="form" sets="local,ivo_managed"/>
    <dbCore queriedTable="images">
      <condDesc original="//siap#protoInput"/>
      <condDesc original="//siap#humanInput"/>
      <condDesc buildFrom="dateObs"/>
    </dbCore>
  </service>

  <regSuite title="astropeer regression">
    <regTest title="cone search finds star 1 at (180, 2)">
      <url RA="180" DEC="2" SR="0.001">cone/scs.xml</url>
      <code>
        row = self.getFirstVOTableRow()
        self.assertEqual(row["id"], 1)
      </code>
    </regTest>
    <regTest title="SIAP finds images at (180, 2)">
      <url POS="180,2" SIZE="0.1,0.1">im/siap.xml</url>
      <code>
        self.assertHasStrings("peer_c.fits")
      </code>
    </regTest>
  </regSuite>
</resource>
