package io.moviestatus.ingest;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.QueryMap;

/** TMDB endpoints; bodies are taken raw so that bronze keeps them exactly as received. */
interface TmdbApi {

  @GET("discover/movie")
  Call<ResponseBody> discoverMovie(@QueryMap Map<String, String> query);

  @GET("genre/movie/list")
  Call<ResponseBody> genreMovieList(@QueryMap Map<String, String> query);
}
